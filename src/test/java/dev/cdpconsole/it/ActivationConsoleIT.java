package dev.cdpconsole.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The activation pages in a real browser on a real Payara Micro: a destination (refused, then made), its
 * dataflow, the Activate page's preflight and run, the history following the run live with its chart, the run's
 * page, its file and the history's CSV, a retry, the 80-segment limit, and what an agent may not do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivationConsoleIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final String HOLD = "data/foundation/system/activation-hold";
    private static final String RUNS = "data/foundation/flowservice/runs";

    @ArquillianResource
    URL base;

    WebDriver browser;
    Platform platform;
    String sandbox;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void setUp() {
        base = Deployments.application(base);
        platform = new Platform(base);
        sandbox = platform.createSandbox(Platform.unique("actweb"));
        browser = Browsers.open();
    }

    @AfterEach
    void tearDown() {
        browser.quit();
        hold(false);
        platform.call("data/foundation/system/clock").put(Entity.json(Map.of("offsetSeconds", 0))).close();
        platform.deleteSandbox(sandbox);
        platform.close();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String id) {
        return byId(id).getText();
    }

    private boolean present(By by) {
        return !browser.findElements(by).isEmpty();
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    private void clickAndWait(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement element = browser.findElement(target);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private void click(By target) {
        WebElement element = browser.findElement(target);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void scrollTo(By target) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});",
                browser.findElement(target));
    }

    private boolean waitFor(BooleanSupplier condition, int seconds) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            return false;
        }
    }

    private void signIn(String user, String password) {
        browser.get(url("/console/login?lang=en"));
        byId("username").sendKeys(user);
        byId("password").sendKeys(password);
        clickAndWait(By.id("sign-in"));
        assertEquals(user, text("current-user"));
    }

    private void switchTo(String name) {
        new Select(byId("switcher-sandbox")).selectByValue(name);
        if (!waitFor(() -> name.equals(text("current-sandbox")), 3)) {
            clickAndWait(By.cssSelector("#sandbox-switcher button[type=submit]"));
        }
        assertEquals(name, text("current-sandbox"));
    }

    private JsonObject ok(Response answer) {
        try (answer) {
            assertEquals(200, answer.getStatus(), () -> answer.readEntity(String.class));
            return answer.readEntity(JsonObject.class);
        }
    }

    private void hold(boolean hold) {
        platform.call(HOLD).put(Entity.json(Map.of("hold", hold))).close();
    }

    private void person(String email, String tier) {
        JsonObject record = Json.createObjectBuilder()
                .add("identityMap", Json.createObjectBuilder()
                        .add("email", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", email))))
                .add("person", Json.createObjectBuilder().add("name", Json.createObjectBuilder()
                        .add("firstName", email.substring(0, email.indexOf('@')))))
                .add("loyalty", Json.createObjectBuilder().add("tier", tier)).build();
        ok(platform.call("data/core/ups/ingest/records", sandbox).post(Entity.json(record.toString())));
    }

    /** A segment of the given tier, evaluated by a segmentation job. */
    private String segment(String name, String tier) throws InterruptedException {
        return platform.evaluatedSegment(sandbox, name, "loyalty.tier = \"" + tier + "\"");
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String cookie() {
        return "CDPSESSION=" + browser.manage().getCookieNamed("CDPSESSION").getValue();
    }

    private String runStatus(String runId) {
        return ok(platform.call(RUNS + "/" + runId, sandbox).get()).getJsonObject("metrics")
                .getJsonObject("statusSummary").getString("status");
    }

    @Test
    void fromADestinationToAFinishedRunAndItsFile() throws Exception {
        person("ana@example.com", "gold");
        person("bo@example.com", "gold");
        person("cy@example.com", "silver");
        String goldName = "=Gold <b>buyers</b>";
        String gold = segment(goldName, "gold");
        String silver = segment("Silver", "silver");
        signIn("admin", ADMIN_PASSWORD);
        switchTo(sandbox);
        assertTrue(present(By.id("nav-destinations")) && present(By.id("nav-dataflows"))
                && present(By.id("nav-activate")) && present(By.id("nav-activations")));

        // A destination: a folder outside the root is refused beside the field, with what was typed kept.
        clickAndWait(By.id("nav-destinations"));
        String name = "Files <i>" + sandbox + "</i>";
        byId("d-name").sendKeys(name);
        byId("d-folder").sendKeys("../outside");
        click(By.id("d-identity-crmId"));
        byId("d-attributes").sendKeys("person.name.firstName\nloyalty.tier");
        clickAndWait(By.id("destination-submit"));
        assertTrue(text("d-folder-error").contains("relative path"), text("d-folder-error"));
        assertEquals(name, byId("d-name").getAttribute("value"));
        assertTrue(byId("d-identity-crmId").isSelected() && byId("d-identity-email").isSelected());
        assertEquals("person.name.firstName\nloyalty.tier", byId("d-attributes").getAttribute("value"));
        Browsers.screenshot(browser, "act-01-destination-refused");
        byId("d-folder").clear();
        byId("d-folder").sendKeys("it/" + sandbox + "/web");
        clickAndWait(By.id("destination-submit"));
        assertTrue(text("flash").contains(name), text("flash"));
        WebElement row = browser.findElement(By.cssSelector("#destination-table tr[data-destination]"));
        assertTrue(row.getText().contains(name), "the name as text: " + row.getText());
        assertTrue(row.findElements(By.tagName("i")).isEmpty());
        String destination = row.getAttribute("data-destination");
        Browsers.screenshot(browser, "act-02-destinations");

        // Its dataflow: the gold segment, daily from today.
        clickAndWait(By.cssSelector("[data-create-flow='" + destination + "']"));
        assertEquals(name, byId("f-name").getAttribute("value"), "named after its destination");
        click(By.id("map-" + gold));
        // late in the day, so that no scheduled export of it starts during the test
        ((JavascriptExecutor) browser).executeScript("document.getElementsByName(arguments[0])[0].value = '23:59';",
                "time-" + gold);
        Browsers.screenshot(browser, "act-03-dataflow-new");
        clickAndWait(By.id("flow-submit"));
        assertTrue(text("flash").contains(name), text("flash"));
        assertEquals("enabled", browser.findElement(By.cssSelector("[data-flow-state]")).getAttribute("data-flow-state"));
        assertTrue(byId("map-" + gold).isSelected());
        assertFalse(byId("map-" + silver).isSelected());
        clickAndWait(By.id("nav-dataflows"));
        assertTrue(text("flow-table").contains(goldName), text("flow-table"));
        Browsers.screenshot(browser, "act-04-dataflows");

        // Activate: the preflight counts the profiles and shows every check, the unmapped segment's failed.
        clickAndWait(By.id("nav-activate"));
        click(By.id("seg-" + gold));
        click(By.id("seg-" + silver));
        assertEquals("2", byId("segment-counter").getAttribute("data-count"), "counted as they are ticked");
        clickAndWait(By.id("preflight-submit"));
        assertEquals("false", byId("preflight").getAttribute("data-ready"));
        WebElement goldReport = browser.findElement(By.cssSelector("#preflight-table tr[data-segment='" + gold + "']"));
        assertEquals("2", goldReport.findElement(By.cssSelector("[data-profiles]")).getText());
        assertTrue(goldReport.findElements(By.cssSelector("[data-passed='false']")).isEmpty(), goldReport.getText());
        assertTrue(goldReport.getText().contains(goldName), "as text");
        WebElement silverReport = browser.findElement(By.cssSelector("#preflight-table tr[data-segment='" + silver
                + "']"));
        assertTrue(present(By.cssSelector("#preflight-table tr[data-segment='" + silver
                + "'] [data-guardrail='in-dataflow-and-schedule'][data-passed='false']")), silverReport.getText());
        assertTrue(byId("seg-" + gold).isSelected() && byId("seg-" + silver).isSelected(), "the choice is kept");
        scrollTo(By.id("preflight"));
        Browsers.screenshot(browser, "act-05-preflight-refused");
        click(By.id("seg-" + silver));
        clickAndWait(By.id("preflight-submit"));
        assertEquals("true", byId("preflight").getAttribute("data-ready"));
        assertTrue(present(By.cssSelector("#preflight-table [data-guardrail='run-going-on'][data-passed='true']")));
        scrollTo(By.id("preflight"));
        Browsers.screenshot(browser, "act-06-preflight-ready");

        // Run, held after its claim: its page and the history show it going on, with a progress bar.
        hold(true);
        clickAndWait(By.id("run-submit"));
        assertTrue(text("flash").contains("one run"), text("flash"));
        String runId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertEquals("admin", text("run-started-by"));
        assertTrue(List.of("pending", "inProgress").contains(byId("run-live").getAttribute("data-status")));
        Browsers.screenshot(browser, "act-07-run-going-on");
        clickAndWait(By.id("nav-activations"));
        assertEquals("true", byId("run-rows").getAttribute("data-running"));
        assertTrue(present(By.cssSelector("#run-table tr[data-run='" + runId + "'] progress")));
        Browsers.screenshot(browser, "act-08-history-running");

        // Released, the run finishes and the page, polling, shows it done without a reload.
        hold(false);
        assertTrue(waitFor(() -> present(By.cssSelector("#run-table tr[data-run='" + runId
                + "'][data-status='success']")), 30), "the history follows the run to its end");
        assertTrue(waitFor(() -> "false".equals(byId("run-rows").getAttribute("data-running")), 5));
        WebElement done = browser.findElement(By.cssSelector("#run-table tr[data-run='" + runId + "']"));
        assertTrue(done.getText().contains(goldName) && done.getText().contains("admin"), done.getText());
        assertFalse(done.findElement(By.cssSelector("[data-bytes]")).getText().isBlank());
        browser.navigate().refresh();
        assertTrue(waitFor(() -> "true".equals(byId("history-chart").getAttribute("data-drawn")), 5), "the chart");
        assertTrue(present(By.cssSelector("#chart-rows canvas")) && present(By.cssSelector("#chart-outcomes canvas")));
        scrollTo(By.id("history-chart-section"));
        Browsers.screenshot(browser, "act-09-history-done");

        // The run's page: every metric, the file and its checksum, and its download.
        clickAndWait(By.cssSelector("#run-table tr[data-run='" + runId + "'] a"));
        assertEquals("2", text("run-rows-out"));
        String fileName = text("run-file-name");
        assertTrue(fileName.endsWith(".csv"), fileName);
        assertEquals(fileName + ".manifest.json", text("run-manifest"));
        String sha256 = text("run-sha256");
        assertEquals(64, sha256.length(), sha256);
        Browsers.screenshot(browser, "act-10-run");
        HttpResponse<byte[]> file = get("/console/activations/" + runId + "/file");
        assertEquals(200, file.statusCode());
        assertEquals(sha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(fileName));

        // The history as CSV, with the same filters; the segment's name cannot run as a formula.
        HttpResponse<byte[]> csv = get("/console/activations.csv?kind=adhoc&destination="
                + URLEncoder.encode(destination, StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("runId,createdAt,kind,status"), lines.get(0));
        assertEquals(2, lines.size(), lines::toString);
        assertTrue(lines.get(1).startsWith(runId + ","), lines.get(1));
        assertTrue(lines.get(1).contains(",'=Gold <b>buyers</b>,"), lines.get(1));
        HttpResponse<byte[]> none = get("/console/activations.csv?kind=scheduled&destination="
                + URLEncoder.encode(destination, StandardCharsets.UTF_8));
        assertEquals(1, new String(none.body(), StandardCharsets.UTF_8).lines().count(), "the header only");

        // More than 80 segments are refused by the console itself, whatever the page's script says.
        browser.get(url("/console/activate"));
        String csrf = browser.findElement(By.cssSelector("#activate-form input[name=_csrf]")).getAttribute("value");
        StringBuilder form = new StringBuilder("_csrf=" + csrf + "&action=preflight&destination=" + destination);
        for (int i = 0; i < 81; i++) {
            form.append("&segment=").append(gold);
        }
        HttpResponse<String> tooMany = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/console/activate"))).header("Cookie", cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("at most 80 segments"), "said on the page");

        // The history speaks Korean too.
        browser.get(url("/console/activations?lang=ko"));
        assertEquals("활성화 기록", browser.findElement(By.tagName("h1")).getText());
        Browsers.screenshot(browser, "act-15-history-ko");
        browser.get(url("/console/activations?lang=en"));
    }

    @Test
    void aFailedRunIsRetriedAndAnAgentOnlyReads() throws Exception {
        person("dee@example.com", "gold");
        String gold = segment("Gold", "gold");
        String destination = ok(platform.call("data/foundation/destinations", sandbox).post(Entity.json(Map.of(
                "name", "Retry files", "folder", "it/" + sandbox + "/retry", "identities", List.of("email"),
                "attributes", List.of("loyalty.tier"))))).getString("id");
        ok(platform.call("data/foundation/flowservice/flows", sandbox).post(Entity.json(Map.of("name", "Retry flow",
                "destinationId", destination, "segments", List.of(Map.of("segmentId", gold, "schedule",
                        Map.of("frequency", "daily", "time", "23:59")))))));
        // A run whose server "stops": held, then the clock moves past its heartbeat, and it is marked failed.
        hold(true);
        JsonObject order = ok(platform.call("data/core/activation/disflowprovider/adhocrun", sandbox)
                .accept("application/vnd.adobe.adhoc.activation+json; version=2")
                .post(Entity.json(Map.of("activationInfo", Map.of(destination, List.of(gold))))));
        String statusUrl = order.getJsonArray("order").getJsonObject(0).getString("statusURL");
        String failed = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);
        platform.call("data/foundation/system/clock").put(Entity.json(Map.of("offsetSeconds", 60))).close();
        for (int i = 0; i < 200 && !"failed".equals(runStatus(failed)); i++) {
            Thread.sleep(100);
        }
        assertEquals("failed", runStatus(failed));
        hold(false);
        platform.call("data/foundation/system/clock").put(Entity.json(Map.of("offsetSeconds", 0))).close();

        signIn("admin", ADMIN_PASSWORD);
        switchTo(sandbox);
        browser.get(url("/console/activations?status=failed"));
        assertEquals(1, browser.findElements(By.cssSelector("#run-table tr[data-run]")).size());
        clickAndWait(By.cssSelector("#run-table tr[data-run='" + failed + "'] a"));
        Browsers.screenshot(browser, "act-11-run-failed");
        assertTrue(text("run-errors").contains("interrupted"), text("run-errors"));
        assertTrue(browser.findElements(By.id("run-download")).isEmpty(), "a failed run has no file");
        clickAndWait(By.id("run-retry-submit"));
        assertFalse(text("flash").isBlank());
        assertEquals(failed, text("run-retry-of"));
        assertTrue(waitFor(() -> "success".equals(byId("run-live").getAttribute("data-status")), 30),
                "the run's page follows it to its end");
        Browsers.screenshot(browser, "act-12-retried");

        // An agent reads the history, and nothing more.
        browser.get(url("/console/users"));
        String agent = Platform.unique("agent");
        byId("login").sendKeys(agent);
        byId("new-password").sendKeys("agent-password-123");
        clickAndWait(By.id("user-submit"));
        clickAndWait(By.id("sign-out"));
        signIn(agent, "agent-password-123");
        assertTrue(present(By.id("nav-activations")));
        assertFalse(present(By.id("nav-activate")) || present(By.id("nav-destinations"))
                || present(By.id("nav-dataflows")));
        switchTo(sandbox);
        browser.get(url("/console/activations?kind=adhoc"));
        assertEquals(2, browser.findElements(By.cssSelector("#run-table tr[data-run]")).size());
        browser.get(url("/console/activations/" + failed));
        assertTrue(browser.findElements(By.id("run-retry-submit")).isEmpty(), "no retry for an agent");
        Browsers.screenshot(browser, "act-13-agent-run");
        for (String page : List.of("/console/activate", "/console/destinations", "/console/dataflows",
                "/console/activations/" + failed + "/file")) {
            browser.get(url(page));
            assertTrue(browser.findElement(By.cssSelector(".error-page")).getText().contains("403"), page);
        }
        Browsers.screenshot(browser, "act-14-agent-refused");
    }
}
