package dev.cdpconsole.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real browser on a real Payara Micro: sign-in, the Sandboxes page end to end, CSRF, languages. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";

    @ArquillianResource
    URL base;

    WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void openBrowser() {
        base = Deployments.application(base);
        browser = Browsers.open();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void signIn(String password) {
        browser.get(url("/console/login?lang=en"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("sign-in"));
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private String text(String id) {
        return byId(id).getText();
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    private void clickAndWait(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement element = browser.findElement(target);
        scrollTo(element);
        element.click();
        // The old page is gone when asking it anything fails: Chromium says so as "stale", or, during the swap,
        // as "node does not belong to the document".
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    /** Brings the element to the middle of the window at once (Bootstrap makes scrolling smooth, so slow). */
    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    }

    /** Whether the condition holds within three seconds (the page may be navigating meanwhile). */
    private boolean waitFor(java.util.function.BooleanSupplier condition) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(3)).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Test
    void signInRefusesAWrongPasswordAndKeepsTheUserName() {
        browser.get(url("/console/sandboxes"));
        assertTrue(browser.getCurrentUrl().contains("/console/login"), "an unsigned visitor is sent to sign in");
        signIn("not-the-password");
        assertTrue(text("login-error").contains("Wrong user name or password"));
        assertEquals("admin", byId("username").getAttribute("value"));
        assertTrue(browser.findElements(By.id("current-user")).isEmpty());
        Browsers.screenshot(browser, "01-login-failed");

        signIn(ADMIN_PASSWORD);
        assertEquals("admin", text("current-user"));
        assertEquals("prod", text("current-sandbox"));
        assertTrue(browser.getCurrentUrl().contains("/console/sandboxes"), "back to the page first asked for");
        Browsers.screenshot(browser, "02-home");

        clickAndWait(By.id("sign-out"));
        assertTrue(browser.getCurrentUrl().contains("/console/login"));
        browser.get(url("/console/sandboxes"));
        assertTrue(browser.getCurrentUrl().contains("/console/login"), "signed out means signed out");
    }

    @Test
    void sandboxLifecycleThroughTheConsole() {
        String name = Platform.unique("web");
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/sandboxes"));
        assertFalse(browser.findElements(By.cssSelector("tr[data-sandbox='prod']")).isEmpty());
        Browsers.screenshot(browser, "03-sandboxes");

        // A bad name is refused beside the field, and what was typed stays.
        byId("name").sendKeys("Bad_Name");
        byId("title").sendKeys("Web shop");
        clickAndWait(By.id("create-submit"));
        assertTrue(text("name-error").contains("lower-case letters"), text("name-error"));
        assertEquals("Bad_Name", byId("name").getAttribute("value"));
        assertEquals("Web shop", byId("title").getAttribute("value"));
        Browsers.screenshot(browser, "04-sandbox-create-invalid");

        byId("name").clear();
        byId("name").sendKeys(name);
        clickAndWait(By.id("create-submit"));
        assertTrue(text("flash").contains(name), text("flash"));
        assertFalse(browser.findElements(By.cssSelector("tr[data-sandbox='" + name + "']")).isEmpty());

        // Switch to it: the switcher and the banner show it on every page.
        // Choosing submits at once where scripts run; the button is there for where they do not.
        new Select(byId("switcher-sandbox")).selectByValue(name);
        if (!waitFor(() -> name.equals(text("current-sandbox")))) {
            clickAndWait(By.cssSelector("#sandbox-switcher button[type=submit]"));
        }
        assertEquals(name, text("current-sandbox"));
        browser.get(url("/console/audit"));
        assertEquals(name, text("current-sandbox"));

        // Rename.
        browser.get(url("/console/sandboxes/" + name));
        byId("title").clear();
        byId("title").sendKeys("Web shop (renamed)");
        clickAndWait(By.id("rename-submit"));
        assertEquals("Web shop (renamed)", text("sandbox-title"));
        Browsers.screenshot(browser, "05-sandbox-detail");

        // Reset: first the impact report, then a confirmation that needs the name.
        clickAndWait(By.id("reset-link"));
        assertTrue(byId("impact-report").isDisplayed());
        Browsers.screenshot(browser, "06-sandbox-reset-confirm");
        byId("confirmName").sendKeys("wrong-name");
        clickAndWait(By.id("confirm-submit"));
        assertTrue(text("confirm-error").contains("does not match"));
        byId("confirmName").sendKeys(name);
        clickAndWait(By.id("confirm-submit"));
        assertTrue(text("flash").contains("reset"), text("flash"));

        // Delete: the same confirmation; afterwards the switcher is back on prod and the row says deleted.
        browser.get(url("/console/sandboxes/" + name + "/delete"));
        assertTrue(byId("impact-report").isDisplayed());
        byId("confirmName").sendKeys(name);
        clickAndWait(By.id("confirm-submit"));
        assertTrue(text("flash").contains("deleted"), text("flash"));
        assertEquals("prod", text("current-sandbox"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-sandbox='" + name + "']"));
        assertTrue(row.getText().contains("deleted"), row.getText());
        Browsers.screenshot(browser, "07-sandbox-deleted");

        // prod offers no delete.
        browser.get(url("/console/sandboxes/prod"));
        assertTrue(browser.findElements(By.id("delete-link")).isEmpty());

        // The audit log shows what the console did, by the signed-in user.
        browser.get(url("/console/audit?sandbox=" + name));
        String audit = text("audit-table");
        for (String action : List.of("sandbox.create", "sandbox.rename", "sandbox.reset", "sandbox.delete")) {
            assertTrue(audit.contains(action), audit);
        }
        assertTrue(audit.contains("admin"), audit);
        Browsers.screenshot(browser, "08-audit");
    }

    @Test
    void apiKeysThroughTheConsole() throws IOException, InterruptedException {
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/keys"));
        Browsers.screenshot(browser, "13-keys");
        String name = Platform.unique("Mail service");
        byId("key-name").sendKeys(name);
        byId("grant-prod").click();
        new Select(byId("key-role")).selectByValue("read");
        clickAndWait(By.id("key-submit"));

        // The secrets are shown once, then never again.
        assertTrue(byId("secret-reveal").isDisplayed());
        String primary = byId("secret-primary").getAttribute("value");
        assertEquals(43, primary.length());
        assertTrue(browser.findElements(By.cssSelector("[data-copy-target='secret-primary']")).size() == 1);
        Browsers.screenshot(browser, "14-key-created");
        String detail = browser.getCurrentUrl();
        browser.navigate().refresh();
        assertTrue(browser.findElements(By.id("secret-reveal")).isEmpty(), "gone after reload");
        assertFalse(browser.getPageSource().contains(primary));

        // Regenerate the primary secret with a grace period: the old one shows as expiring, the log has it.
        clickAndWait(By.id("regenerate-primary"));
        Browsers.screenshot(browser, "15-key-regenerate-confirm");
        byId("reason").sendKeys("Quarterly rotation");
        byId("grace-24").click();
        clickAndWait(By.id("regenerate-submit"));
        assertTrue(text("flash").contains("regenerated"), text("flash"));
        String fresh = byId("secret-primary").getAttribute("value");
        assertFalse(fresh.equals(primary));
        assertFalse(browser.findElements(By.cssSelector("#slot-table tr[data-state='expiring']")).isEmpty());
        assertFalse(browser.findElements(By.cssSelector("#slot-table [data-flag='expiring-soon']")).isEmpty());
        assertTrue(text("regeneration-log").contains("Quarterly rotation"));
        assertTrue(text("regeneration-log").contains("admin"));
        Browsers.screenshot(browser, "16-key-regenerated");

        // The same regeneration form sent twice (a double click) regenerates once.
        browser.get(detail + "/regenerate?slot=secondary");
        String formToken = browser.findElement(By.name("formToken")).getAttribute("value");
        String csrf = browser.findElement(By.cssSelector("#regenerate-form input[name=_csrf]")).getAttribute("value");
        String cookie = "CDPSESSION=" + browser.manage().getCookieNamed("CDPSESSION").getValue();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            String form = "_csrf=" + csrf + "&formToken=" + formToken + "&slot=secondary&reason=twice&graceHours=0";
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(detail + "/regenerate"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, sent.statusCode(), sent.body());
        }
        browser.get(detail);
        long secondaryRegenerations = browser.findElements(By.cssSelector("#regeneration-log li")).stream()
                .filter(li -> li.getText().contains("twice")).count();
        assertEquals(1, secondaryRegenerations, "one regeneration from two submits");
        assertFalse(browser.findElements(By.id("usage-chart")).isEmpty());
    }

    @Test
    void anAgentSeesNeitherKeysNorUsers() {
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/users"));
        String agent = Platform.unique("agent");
        byId("login").sendKeys(agent);
        byId("new-password").sendKeys("agent-password-123");
        assertTrue(byId("role-AGENT").isSelected(), "the least role is the default");
        clickAndWait(By.id("user-submit"));
        assertTrue(text("flash").contains(agent), text("flash"));
        assertFalse(browser.findElements(By.cssSelector("tr[data-user='" + agent + "']")).isEmpty());
        Browsers.screenshot(browser, "17-users");
        clickAndWait(By.id("sign-out"));

        browser.get(url("/console/login?lang=en"));
        byId("username").sendKeys(agent);
        byId("password").sendKeys("agent-password-123");
        clickAndWait(By.id("sign-in"));
        assertEquals(agent, text("current-user"));
        assertTrue(browser.findElements(By.id("nav-keys")).isEmpty(), "no link to what the role cannot open");
        assertTrue(browser.findElements(By.id("nav-users")).isEmpty());
        browser.get(url("/console/keys"));
        assertTrue(browser.findElement(By.cssSelector(".error-page")).getText().contains("403"));
        Browsers.screenshot(browser, "18-agent-refused-keys");
        browser.get(url("/console/users"));
        assertTrue(browser.findElement(By.cssSelector(".error-page")).getText().contains("403"));
    }

    @Test
    void anAgentFindsACallerAsTheyTypeAndSeesTheirProfile() {
        String last = "Zed" + Long.toString(System.nanoTime(), 36);
        String email = last.toLowerCase() + "@example.com";
        try (Platform platform = new Platform(base)) {
            platform.call("data/core/ups/ingest/records").post(jakarta.ws.rs.client.Entity.json("{\"identityMap\": "
                    + "{\"email\": [{\"id\": \"" + email + "\"}]}, \"person\": {\"name\": {\"firstName\": "
                    + "\"<script>window.pwned=1</script>\", \"lastName\": \"" + last + "\"}}, \"personalEmail\": "
                    + "{\"address\": \"" + email + "\"}, \"homeAddress\": {\"city\": \"Seoul\"}, "
                    + "\"loyalty\": {\"tier\": \"gold\"}}")).close();
            for (int day = 10; day < 22; day++) {
                platform.call("data/core/ups/ingest/records?schema.name=_xdm.context.experienceevent")
                        .post(jakarta.ws.rs.client.Entity.json("{\"identityMap\": {\"email\": [{\"id\": \"" + email
                                + "\"}]}, \"timestamp\": \"2026-11-" + day + "T10:00:00Z\", \"eventType\": "
                                + "\"commerce.purchases\", \"commerce\": {\"order\": {\"priceTotal\": 10, "
                                + "\"currencyCode\": \"USD\"}}}")).close();
            }
        }
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/profiles"));
        byId("q").sendKeys(last.substring(0, 6).toLowerCase());
        if (!waitFor(() -> !browser.findElements(By.cssSelector("#hit-table tr[data-xid]")).isEmpty())) {
            clickAndWait(By.cssSelector("#profile-search button[type=submit]")); // no script: the form still works
        }
        WebElement hit = browser.findElement(By.cssSelector("#hit-table tr[data-xid]"));
        assertTrue(hit.getText().contains(last), hit.getText());
        Browsers.screenshot(browser, "19-profile-search");

        clickAndWait(By.cssSelector("#hit-table tr[data-xid] a"));
        assertTrue(text("profile-name").contains("<script>window.pwned=1</script>"), "shown as text");
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.pwned;"));
        assertTrue(text("profile-identities").contains(email));
        assertEquals("120.00", text("score-ltv"));
        assertEquals(10, browser.findElements(By.cssSelector("#event-timeline li")).size(), "a page of events");
        assertTrue(browser.findElements(By.cssSelector("#event-timeline li")).get(0).getText().contains("2026-11-21"),
                "newest first");
        Browsers.screenshot(browser, "20-profile-view");
        browser.get(byId("events-older").getAttribute("href")); // the link, followed
        assertEquals(2, browser.findElements(By.cssSelector("#event-timeline li")).size());
        assertTrue(browser.findElements(By.id("events-older")).isEmpty());
        new Select(byId("event-type")).selectByValue("web.webpagedetails.pageViews");
        if (!waitFor(() -> !browser.findElements(By.id("no-events")).isEmpty())) {
            clickAndWait(By.cssSelector("#event-filter button[type=submit]"));
        }
        assertFalse(browser.findElements(By.id("no-events")).isEmpty());
    }

    @Test
    void anImportShowsItsProgressAndItsRefusedLines() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("import-", ".jsonl");
        String tag = Long.toString(System.nanoTime(), 36);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append("{\"identityMap\": {\"crmId\": [{\"id\": \"IMP-").append(tag).append('-').append(i)
                    .append("\"}]}, \"person\": {\"name\": {\"lastName\": \"Imported").append(i).append("\"}}}\n");
        }
        lines.append("{not json}\n");
        java.nio.file.Files.writeString(file, lines);
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/imports"));
        byId("import-file").sendKeys(file.toAbsolutePath().toString());
        clickAndWait(By.id("import-submit"));
        assertTrue(text("flash").contains("31"), text("flash"));
        assertTrue(waitFor(() -> "success".equals(byId("batch-status").getAttribute("data-status")))
                || waitFor(() -> "success".equals(byId("batch-status").getAttribute("data-status"))),
                "the page follows the batch to its end");
        if (!"success".equals(byId("batch-status").getAttribute("data-status"))) {
            browser.navigate().refresh(); // where scripts do not run, a reload shows the end
        }
        assertEquals("30", text("batch-ingested"));
        assertEquals("1", text("batch-failed"));
        assertTrue(text("batch-errors").contains("31"), "the refused line by its number");
        Browsers.screenshot(browser, "21-import");
        assertEquals("true", byId("delete-confirm").getAttribute("required"), "the box must be ticked");
        byId("delete-confirm").click();
        clickAndWait(By.id("delete-submit"));
        assertFalse(text("flash").isBlank());
        assertTrue(waitFor(() -> "SUCCESS".equals(byId("batch-deletion").getAttribute("data-status")))
                || waitFor(() -> { browser.navigate().refresh();
                    return "SUCCESS".equals(byId("batch-deletion").getAttribute("data-status")); }),
                "the page follows the deletion to its end");
        browser.navigate().refresh();
        assertTrue(text("deletion-metrics").contains("30"), text("deletion-metrics"));
        assertTrue(browser.findElements(By.id("delete-form")).isEmpty(), "a batch's data is deleted once");
        Browsers.screenshot(browser, "22-import-deleted");
        browser.get(url("/console/imports"));
        assertFalse(browser.findElements(By.cssSelector("#batch-table tr[data-batch]")).isEmpty());
    }

    @Test
    void aSegmentIsWrittenWithALivePreviewSavedAndEvaluated() {
        String tag = Long.toString(System.nanoTime(), 36);
        String name = "Gold members " + tag;
        // A page seen before the sandbox exists: its switcher's list is remembered, for the session it was seen in.
        signIn(ADMIN_PASSWORD);
        clickAndWait(By.id("sign-out"));
        try (Platform platform = new Platform(base)) {
            String sandbox = platform.createSandbox(Platform.unique("seg"));
            try {
                // Five people in a sandbox of their own, three of them gold; one gold name is markup.
                String[][] people = {{"<script>alert(1)</script>", "gold"}, {"Ada", "gold"}, {"Min-jun", "gold"},
                        {"Wei", "silver"}, {"Bea", "bronze"}};
                for (int i = 0; i < people.length; i++) {
                    String email = "seg-" + tag + "-" + i + "@example.com";
                    try (jakarta.ws.rs.core.Response answer = platform.call("data/core/ups/ingest/records", sandbox)
                            .post(jakarta.ws.rs.client.Entity.json(java.util.Map.of(
                                    "identityMap", java.util.Map.of("email", List.of(java.util.Map.of("id", email))),
                                    "person", java.util.Map.of("name", java.util.Map.of("firstName", people[i][0],
                                            "lastName", "Seg" + i)),
                                    "personalEmail", java.util.Map.of("address", email),
                                    "homeAddress", java.util.Map.of("city", "Seoul"),
                                    "loyalty", java.util.Map.of("tier", people[i][1]))))) {
                        assertEquals(200, answer.getStatus(), () -> answer.readEntity(String.class));
                    }
                }
                writeEvaluateAndDeleteASegment(sandbox, name);
            } finally {
                platform.deleteSandbox(sandbox);
            }
        }
    }

    private void writeEvaluateAndDeleteASegment(String sandbox, String name) {
        // Signing in again starts a new session, which offers a sandbox the API created a moment ago.
        signIn(ADMIN_PASSWORD);
        new Select(byId("switcher-sandbox")).selectByValue(sandbox);
        if (!waitFor(() -> sandbox.equals(text("current-sandbox")))) {
            clickAndWait(By.cssSelector("#sandbox-switcher button[type=submit]"));
        }
        clickAndWait(By.id("nav-segments"));
        assertFalse(browser.findElements(By.id("no-segments")).isEmpty(), "a new sandbox has no segments");
        Browsers.screenshot(browser, "23-segments-empty");

        // As the definition is typed, the preview counts the gold members and shows them, names as text.
        clickAndWait(By.id("segment-new"));
        byId("segment-name").sendKeys(name);
        byId("segment-description").sendKeys("Everyone at the gold tier · 골드 등급 · 金卡");
        byId("expression").sendKeys("loyalty.tier = \"gold\"");
        awaitPreview("ready");
        assertEquals("3", byId("preview").getAttribute("data-matched"), text("preview"));
        assertEquals("5", byId("preview").getAttribute("data-total"));
        assertTrue(text("preview-count").contains("3 of 5"), text("preview-count"));
        List<WebElement> sample = browser.findElements(By.cssSelector("#preview-sample tr[data-xid]"));
        assertEquals(3, sample.size());
        assertTrue(text("preview-sample").contains("<script>alert(1)</script>"), "markup shown as text");
        assertTrue(browser.findElements(By.cssSelector("#preview script")).isEmpty());
        assertTrue(sample.get(0).findElement(By.tagName("a")).getAttribute("href").contains("/console/profiles/"));
        Browsers.screenshot(browser, "24-segment-preview");

        // A broken definition: its line and column, the line itself with a caret under the column.
        byId("expression").clear();
        byId("expression").sendKeys("loyalty.tier = \"gold\"\n  or loyalty.points >> 3");
        awaitPreview("error");
        assertTrue(text("pql-error-position").contains("line 2, column 22"), text("pql-error-position"));
        assertEquals(">", text("pql-error-at"));
        assertTrue(text("pql-error-line").startsWith("or loyalty.points >> 3")
                || text("pql-error-line").contains("  or loyalty.points >> 3"), text("pql-error-line"));
        assertFalse(text("pql-expected").isBlank());
        assertTrue(text("pql-found").contains(">"), text("pql-found"));
        int markX = byId("pql-error-at").getRect().getX();
        int caretX = byId("pql-caret").getRect().getX();
        assertTrue(Math.abs(markX - caretX) <= 1, "the caret stands under the column: " + markX + " / " + caretX);
        Browsers.screenshot(browser, "25-segment-pql-error");

        // Mended and saved: back on the list, not yet evaluated.
        byId("expression").clear();
        byId("expression").sendKeys("loyalty.tier = \"gold\"");
        awaitPreview("ready");
        clickAndWait(By.id("segment-save"));
        assertTrue(text("flash").contains(name), text("flash"));
        By row = By.cssSelector("#segment-table tr[data-name='" + name + "']");
        assertTrue(browser.findElement(row).getText().contains("never evaluated"), browser.findElement(row).getText());
        assertTrue(browser.findElement(row).getText().contains("골드 등급 · 金卡"), "the form's text arrives as typed");
        Browsers.screenshot(browser, "26-segments-saved");

        // The name is taken now: the form says so beside the name and keeps what was typed.
        clickAndWait(By.id("segment-new"));
        byId("segment-name").sendKeys(name);
        byId("expression").sendKeys("loyalty.tier = \"silver\"");
        clickAndWait(By.id("segment-save"));
        assertTrue(text("name-error").contains("already exists"), text("name-error"));
        assertEquals(name, byId("segment-name").getAttribute("value"));
        assertEquals("loyalty.tier = \"silver\"", byId("expression").getAttribute("value"));
        awaitPreview("ready"); // the kept definition is previewed again
        assertEquals("1", byId("preview").getAttribute("data-matched"));
        Browsers.screenshot(browser, "27-segment-name-taken");

        // Evaluate all now: the list follows the job to its end and shows the members.
        clickAndWait(By.cssSelector(".breadcrumb a"));
        clickAndWait(By.id("evaluate-all"));
        assertFalse(text("flash").isBlank());
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> "SUCCEEDED".equals(byId("segments-live").getAttribute("data-job-status")));
        assertEquals("3", browser.findElement(row).findElement(By.cssSelector("[data-cell=members]")).getText());
        assertFalse(browser.findElement(row).getText().contains("never evaluated"));
        Browsers.screenshot(browser, "28-segments-evaluated");

        // The segment's page: its metrics; evaluated again, the three stay.
        clickAndWait(By.cssSelector("#segment-table tr[data-name='" + name + "'] a"));
        assertEquals("3", text("metric-members"));
        assertEquals("3", text("metric-realized"));
        assertEquals("0", text("metric-exited"));
        clickAndWait(By.id("evaluate-segment"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> "SUCCEEDED".equals(byId("segment-live").getAttribute("data-job-status"))
                        && "3".equals(text("metric-existing")));
        assertEquals("3", text("metric-members"));
        assertEquals("0", text("metric-realized"));
        awaitPreview("ready"); // a saved definition is previewed as the page opens
        assertEquals("3", byId("preview").getAttribute("data-matched"));
        WebElement help = browser.findElement(By.cssSelector("#pql-help summary"));
        scrollTo(help);
        help.click();
        assertTrue(text("pql-help").contains("daysAgo(n)"), "the help unfolds");
        scrollTo(byId("segment-live"));
        Browsers.screenshot(browser, "29-segment-metrics");

        // A member's profile view lists the segment, with its status from the latest evaluation.
        browser.get(byId("preview-sample").findElement(By.cssSelector("tr[data-xid] a")).getAttribute("href"));
        assertTrue(text("profile-segments").contains(name), text("profile-segments"));
        assertTrue(text("profile-segments").contains("member"), text("profile-segments"));
        Browsers.screenshot(browser, "29b-profile-segments");
        clickAndWait(By.id("nav-segments"));
        clickAndWait(By.cssSelector("#segment-table tr[data-name='" + name + "'] a"));

        // Deleted once the box is ticked. The page previews its definition as it opens, which moves the card
        // below; wait for the preview, so that the click lands on the box and not where it was.
        awaitPreview("ready");
        WebElement confirm = byId("delete-confirm");
        assertEquals("true", confirm.getAttribute("required"));
        scrollTo(confirm);
        confirm.click();
        assertTrue(confirm.isSelected(), "the confirm box is ticked");
        clickAndWait(By.id("delete-submit"));
        assertTrue(text("flash").contains(name), text("flash"));
        assertTrue(browser.findElements(row).isEmpty());
        Browsers.screenshot(browser, "30-segment-deleted");
    }

    /** Waits until the live preview is in the given state (htmx posts the definition, then polls its count). */
    private void awaitPreview(String state) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> state.equals(byId("preview").getAttribute("data-state")));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/sandboxes"));
        String name = Platform.unique("forged");
        // Forge the form: drop its token, as a page on another site would have to.
        ((JavascriptExecutor) browser).executeScript(
                "const f = document.getElementById('create-form'); f.querySelector('input[name=_csrf]').remove();"
                        + "f.querySelector('#name').value = arguments[0]; f.querySelector('#title').value = 'x'; f.submit();",
                name);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".error-page")));
        assertTrue(browser.findElement(By.cssSelector(".error-page")).getText().contains("403"));
        assertTrue(browser.getPageSource().contains("Form expired"));
        Browsers.screenshot(browser, "09-csrf-refused");
        browser.get(url("/console/sandboxes"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-sandbox='" + name + "']")).isEmpty(),
                "nothing was created");
    }

    @Test
    void switchingToKoreanAndChineseShowsThem() {
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/sandboxes"));
        clickAndWait(By.cssSelector(".language-switcher a[data-lang='ko']"));
        assertEquals("샌드박스", browser.findElement(By.tagName("h1")).getText());
        assertTrue(text("sign-out").contains("로그아웃"));
        Browsers.screenshot(browser, "10-sandboxes-ko");
        browser.get(url("/console/audit"));
        assertEquals("감사 로그", browser.findElement(By.tagName("h1")).getText(), "the choice is kept");
        clickAndWait(By.cssSelector(".language-switcher a[data-lang='zh-CN']"));
        assertEquals("审计日志", browser.findElement(By.tagName("h1")).getText());
        Browsers.screenshot(browser, "11-audit-zh");
        browser.get(url("/console/no-such-page"));
        assertTrue(browser.getPageSource().contains("找不到页面"), "the 404 page speaks the chosen language");
        Browsers.screenshot(browser, "12-not-found-zh");
        clickAndWait(By.cssSelector(".language-switcher a[data-lang='en']"));
    }

    @Test
    void untrustedTextIsShownAsText() {
        signIn(ADMIN_PASSWORD);
        browser.get(url("/console/sandboxes"));
        String name = Platform.unique("xss");
        byId("name").sendKeys(name);
        byId("title").sendKeys("<script>window.pwned=1</script><b>bold</b>");
        clickAndWait(By.id("create-submit"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-sandbox='" + name + "']"));
        assertTrue(row.getText().contains("<script>window.pwned=1</script><b>bold</b>"), row.getText());
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return window.pwned;"));
        assertTrue(row.findElements(By.tagName("b")).isEmpty());
    }

    @Test
    void repeatedFailedSignInsAreRefusedWith429() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/console/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(token.find());
        String user = Platform.unique("guess");
        int status = 0;
        int attempts = 0;
        HttpResponse<String> answer = null;
        while (status != 429 && attempts < 15) {
            attempts++;
            answer = http.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&username=" + user
                            + "&password=wrong-" + attempts)).build(), HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
        }
        assertEquals(429, status, "refused after repeated failures");
        assertTrue(attempts <= 11, "at the maximum of 10 failures: " + attempts);
        assertTrue(Long.parseLong(answer.headers().firstValue("Retry-After").orElse("0")) > 0);
        assertTrue(answer.body().contains("Too many failed attempts"), "said on the page");
    }

    @Test
    void concurrentPagesOfOneSessionKeepTheirRoles() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/console/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(token.find());
        String before = sessionCookie(cookies);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&username=admin&password="
                        + ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedIn.statusCode(), "signed in and sent on to the home page");
        assertFalse(before.equals(sessionCookie(cookies)), "signing in gives the session a new id");

        // Pages that call the platform, 16 at a time in one session. On Payara's own form mechanism about one in
        // fifteen of them lost the session's roles and answered 403 (payara/Payara#6145). The public listener has
        // 4 threads here (CDP_HTTP_THREADS): were the console's platform calls queued behind the pages waiting
        // for them, and not sent to its loopback listener, the pages would wait until the read timeout.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 192; i++) {
                URI search = URI.create(url("/console/profiles/results?q=nobody" + i));
                answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(search).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (var answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            assertEquals(java.util.Map.of(200, 192), statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theConsolesOwnListenerAnswersOnLoopbackOnly() throws IOException, InterruptedException {
        int port = Integer.parseInt(System.getenv("CDP_PLATFORM_LOOPBACK_PORT"));
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + base.getPath().replaceAll("/$", "") + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), "the same application answers there");
        List<java.net.InetAddress> others = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).toList();
        for (java.net.InetAddress address : others) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(address, port), 2000);
                throw new AssertionError("the loopback listener answers on " + address);
            } catch (java.net.ConnectException refused) {
                // as it should: bound to 127.0.0.1 only
            }
        }
    }

    private static String sessionCookie(java.net.CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("CDPSESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndCookieFlags() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/console/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(login.headers().firstValue("Referrer-Policy").orElse("").isEmpty());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CDPSESSION="))
                .findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(login.body().contains("<script>"), "no inline script");

        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(url("/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/console/"));

        HttpResponse<String> asset = http.send(HttpRequest.newBuilder(
                URI.create(url("/webjars/bootstrap/5.3.3/css/bootstrap.min.css"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, asset.statusCode());
        assertTrue(asset.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        HttpResponse<String> escape = http.send(HttpRequest.newBuilder(
                URI.create(url("/static/..%2FWEB-INF%2Fweb.xml"))).build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(escape.body().contains("<web-app"), "no way out of the static folders");
    }
}
