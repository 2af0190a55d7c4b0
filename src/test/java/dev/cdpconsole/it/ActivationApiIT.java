package dev.cdpconsole.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

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

/**
 * Destinations, dataflows, ad-hoc and scheduled activation and flow runs over HTTP on a real Payara Micro: the
 * files and manifests on disk, every guardrail and its text, interrupted runs, scoping.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivationApiIT {

    private static final String DESTINATIONS = "data/foundation/destinations";
    private static final String FLOWS = "data/foundation/flowservice/flows";
    private static final String RUNS = "data/foundation/flowservice/runs";
    private static final String ADHOC = "data/core/activation/disflowprovider/adhocrun";
    private static final String V2 = "application/vnd.adobe.adhoc.activation+json; version=2";
    private static final String HOLD = "data/foundation/system/activation-hold";

    @ArquillianResource
    URL base;

    Platform platform;
    String sandbox;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void connect() {
        base = Deployments.application(base);
        platform = new Platform(base);
        sandbox = platform.createSandbox(Platform.unique("act"));
    }

    @AfterEach
    void disconnect() {
        hold(false);
        platform.call("data/foundation/system/clock").put(Entity.json(Map.of("offsetSeconds", 0))).close();
        platform.deleteSandbox(sandbox);
        platform.close();
    }

    private static JsonObject json(Response response) {
        try (response) {
            return response.readEntity(JsonObject.class);
        }
    }

    private JsonObject ok(Response answer) {
        assertEquals(200, answer.getStatus(), () -> answer.readEntity(String.class));
        return json(answer);
    }

    private JsonObject problem(int status, Response answer) {
        assertEquals(status, answer.getStatus(), () -> answer.readEntity(String.class));
        return json(answer);
    }

    private void hold(boolean hold) {
        ok(platform.call(HOLD).put(Entity.json(Map.of("hold", hold))));
    }

    private static Path exports() {
        return Paths.get(System.getenv("CDP_DATA_DIR"), "exports").toAbsolutePath();
    }

    private void person(String email, String first, String tier) {
        JsonObject record = Json.createObjectBuilder()
                .add("identityMap", Json.createObjectBuilder()
                        .add("email", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", email)))
                        .add("crmId", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "crm-"
                                + email.substring(0, email.indexOf('@'))))))
                .add("person", Json.createObjectBuilder().add("name", Json.createObjectBuilder().add("firstName", first)))
                .add("loyalty", Json.createObjectBuilder().add("tier", tier)).build();
        ok(platform.call("data/core/ups/ingest/records", sandbox).post(Entity.json(record.toString())));
    }

    /** A segment of the sandbox's gold members, evaluated. */
    private String goldSegment(String name) throws InterruptedException {
        return platform.evaluatedSegment(sandbox, name, "loyalty.tier = \"gold\"");
    }

    private String destination(String name, String folder, String format, String compression) {
        return ok(platform.call(DESTINATIONS, sandbox).post(Entity.json(Map.of("name", name, "folder", folder,
                "format", format, "compression", compression, "fileNameTemplate", "{destination}_{segment}_{runId}."
                        + format, "identities", List.of("email", "crmId"),
                "attributes", List.of("person.name.firstName", "loyalty.tier", "lifetimeValue"))))).getString("id");
    }

    private String flow(String destinationId, List<Map<String, Object>> segments) {
        return ok(platform.call(FLOWS, sandbox).post(Entity.json(Map.of("name", "Flow " + destinationId,
                "destinationId", destinationId, "state", "enabled", "segments", segments)))).getString("id");
    }

    private static Map<String, Object> daily(String segmentId, String start, String time) {
        return Map.of("segmentId", segmentId, "schedule", Map.of("frequency", "daily", "startDate", start, "time", time));
    }

    private Response adhoc(Object body) {
        return platform.call(ADHOC, sandbox).accept(V2).post(Entity.json(body));
    }

    /** Waits up to a minute: a run waits pending while the server's executor is busy (a shared CI machine). */
    private JsonObject awaitRun(String runId, String status) throws InterruptedException {
        JsonObject run = run(runId);
        for (int i = 0; i < 1200 && !status.equals(statusOf(run)); i++) {
            Thread.sleep(50);
            run = run(runId);
        }
        assertEquals(status, statusOf(run), run::toString);
        return run;
    }

    private JsonObject run(String runId) {
        return ok(platform.call(RUNS + "/" + runId, sandbox).get());
    }

    private static String statusOf(JsonObject run) {
        return run.getJsonObject("metrics").getJsonObject("statusSummary").getString("status");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anAdhocRunWritesTheSegmentToAFileWithItsManifest() throws Exception {
        person("ana@example.com", "Ana", "gold");
        person("bo@example.com", "Bo \"the\" Bold, Jr.", "gold");
        person("cy@example.com", "Cy", "silver");
        String gold = goldSegment("Gold, members");
        String folder = "it/" + sandbox + "/csv";
        String destination = destination("Files " + sandbox, folder, "csv", "none");
        String flow = flow(destination, List.of(daily(gold, LocalDate.now(ZoneOffset.UTC).toString(), "23:59")));

        JsonObject order = ok(adhoc(Map.of("activationInfo", Map.of(destination, List.of(gold)))));
        JsonObject item = order.getJsonArray("order").getJsonObject(0);
        assertEquals(gold, item.getString("segment"));
        assertEquals(destination, item.getString("order"));
        String statusUrl = item.getString("statusURL");
        assertTrue(statusUrl.contains("/data/foundation/flowservice/runs/"), statusUrl);
        String runId = statusUrl.substring(statusUrl.lastIndexOf('/') + 1);

        JsonObject run = awaitRun(runId, "success");
        assertEquals(flow, run.getString("flowId"));
        assertEquals("adhoc", run.getString("kind"));
        assertEquals(Platform.CLIENT_ID, run.getString("startedBy"));
        JsonObject metrics = run.getJsonObject("metrics");
        assertEquals(2, metrics.getJsonObject("recordSummary").getInt("outputRecordCount"));
        assertEquals(2, metrics.getJsonObject("recordSummary").getInt("inputRecordCount"));
        assertEquals(0, metrics.getJsonObject("recordSummary").getInt("failedRecordCount"));
        assertFalse(metrics.getJsonObject("durationSummary").getString("startedAtUTC").isBlank());
        assertFalse(metrics.getJsonObject("durationSummary").getString("completedAtUTC").isBlank());
        assertTrue(run.getJsonNumber("createdAt").longValue() > 0 && run.getJsonNumber("updatedAt").longValue() > 0);
        assertFalse(run.getJsonArray("activities").isEmpty());
        assertEquals(2, run.getJsonObject("progress").getInt("rowsWritten"));

        Path file = exports().resolve(folder).resolve(run.getString("fileName"));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(metrics.getJsonObject("sizeSummary").getInt("outputBytes"), bytes.length);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("email,crmId,person.name.firstName,loyalty.tier,lifetimeValue\r\n"), csv);
        assertTrue(csv.contains("ana@example.com,crm-ana,Ana,gold,0.00\r\n"), csv);
        assertTrue(csv.contains("\"Bo \"\"the\"\" Bold, Jr.\""), "RFC 4180 quoting: " + csv);
        assertFalse(csv.contains("cy@example.com"));
        JsonObject manifest = Json.createReader(Files.newBufferedReader(exports().resolve(folder)
                .resolve(run.getString("manifestName")))).readObject();
        assertEquals(2, manifest.getInt("rows"));
        assertEquals(bytes.length, manifest.getInt("bytes"));
        assertEquals(sha256(bytes), manifest.getString("sha256"));
        assertEquals(sha256(bytes), run.getString("sha256"));
        assertEquals(gold, manifest.getString("segmentId"));
        assertEquals(destination, manifest.getString("destinationId"));
        try (Stream<Path> staged = Files.list(exports().resolve(".staging"))) {
            assertTrue(staged.noneMatch(p -> p.getFileName().toString().startsWith(runId)), "nothing left in staging");
        }
        try (Response download = platform.call(RUNS + "/" + runId + "/file", sandbox).accept("*/*").get()) {
            assertEquals(200, download.getStatus());
            assertArrayEquals(bytes, download.readEntity(byte[].class));
        }

        // version 1 body: exportIds accepted and ignored; JSON Lines with gzip
        String jsonl = destination("Lines " + sandbox, "it/" + sandbox + "/jsonl", "jsonl", "gzip");
        flow(jsonl, List.of(daily(gold, LocalDate.now(ZoneOffset.UTC).toString(), "23:59")));
        JsonObject v1 = ok(platform.call(ADHOC, sandbox).accept("application/json").post(Entity.json(Map.of(
                "activationInfo", Map.of(jsonl, List.of(gold)), "exportIds", List.of("export-1")))));
        String url = v1.getJsonArray("order").getJsonObject(0).getString("statusURL");
        JsonObject lines = awaitRun(url.substring(url.lastIndexOf('/') + 1), "success");
        assertTrue(lines.getString("fileName").endsWith(".jsonl.gz"), lines::toString);
        byte[] gz = Files.readAllBytes(exports().resolve("it/" + sandbox + "/jsonl").resolve(lines.getString("fileName")));
        assertEquals(lines.getString("sha256"), sha256(gz));
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        List<String> rows = text.lines().toList();
        assertEquals(2, rows.size());
        JsonObject first = Json.createReader(new java.io.StringReader(rows.get(0))).readObject();
        assertEquals("gold", first.getString("loyalty.tier"));
        assertEquals(1, first.getJsonArray("email").size());

        JsonObject history = ok(platform.call(RUNS + "?property=flowId==" + flow, sandbox).get());
        assertEquals(1, history.getJsonArray("items").size());
        assertEquals(runId, history.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(2, ok(platform.call(RUNS + "?property=status==success&property=kind==adhoc", sandbox).get())
                .getJsonArray("items").size());
        problem(400, platform.call(RUNS + "?property=colour==red", sandbox).get());

        String other = platform.createSandbox(Platform.unique("actother"));
        try {
            problem(404, platform.call(RUNS + "/" + runId, other).get());
            problem(404, platform.call(DESTINATIONS + "/" + destination, other).get());
            problem(404, platform.call(FLOWS + "/" + flow, other).get());
            problem(400, platform.call(ADHOC, other).accept(V2).post(Entity.json(Map.of("activationInfo",
                    Map.of(destination, List.of(gold))))));
            assertEquals(0, ok(platform.call(RUNS, other).get()).getJsonArray("items").size());
        } finally {
            platform.deleteSandbox(other);
        }
    }

    @Test
    void everyGuardrailRefusesWithItsText() throws Exception {
        person("dee@example.com", "Dee", "gold");
        String gold = goldSegment("Gold");
        String unmapped = goldSegment("Unmapped gold");
        String later = goldSegment("Starts tomorrow");
        String destination = destination("Guarded " + sandbox, "it/" + sandbox + "/guarded", "csv", "none");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String flow = flow(destination, List.of(daily(gold, today, "23:59"),
                daily(later, LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), "23:59")));

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 81; i++) {
            many.add(gold);
        }
        JsonObject tooMany = problem(400, adhoc(Map.of("activationInfo", Map.of(destination, many))));
        assertTrue(tooMany.getString("detail").contains("at most 80 segments"), tooMany::toString);

        JsonObject outside = problem(400, adhoc(Map.of("activationInfo", Map.of(destination, List.of(gold, unmapped,
                later)))));
        assertEquals("Segments Unmapped gold, Starts tomorrow are not part of this dataflow or out of schedule range!",
                outside.getString("detail"));
        assertEquals(0, ok(platform.call(RUNS, sandbox).get()).getJsonArray("items").size(), "a refused job records nothing");

        problem(400, adhoc(Map.of("activationInfo", Map.of("no-such-destination", List.of(gold)))));
        problem(400, adhoc(Map.of("activationInfo", Map.of(destination, List.of("no-such-segment")))));
        problem(400, adhoc(Map.of("activationInfo", Map.of())));
        problem(400, platform.call(ADHOC, sandbox).accept(V2).post(Entity.json("{\"activationInfo\": [1, 2]}")));

        // a run going on: held after its claim, so that it stays inProgress
        hold(true);
        JsonObject order = ok(adhoc(Map.of("activationInfo", Map.of(destination, List.of(gold)))));
        String url = order.getJsonArray("order").getJsonObject(0).getString("statusURL");
        String runId = url.substring(url.lastIndexOf('/') + 1);
        JsonObject going = problem(409, adhoc(Map.of("activationInfo", Map.of(destination, List.of(gold)))));
        assertEquals("Run already going on for audience " + gold + " for order " + flow + " with run id " + runId,
                going.getString("detail"));
        JsonObject preflight = ok(platform.call(ADHOC + "/preflight", sandbox).post(Entity.json(Map.of(
                "activationInfo", Map.of(destination, List.of(gold, unmapped))))));
        assertFalse(preflight.getBoolean("ready"));
        JsonObject goldReport = preflight.getJsonArray("destinations").getJsonObject(0).getJsonArray("segments")
                .getJsonObject(0);
        assertEquals(1, goldReport.getInt("profiles"));
        assertTrue(goldReport.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .anyMatch(c -> c.getString("guardrail").equals("run-going-on") && !c.getBoolean("passed")));

        // the server "stops": no heartbeat; once it is 20 s silent, the run is marked failed, interrupted
        platform.call("data/foundation/system/clock").put(Entity.json(Map.of("offsetSeconds", 60))).close();
        JsonObject interrupted = awaitRun(runId, "failed");
        String error = interrupted.getJsonObject("metrics").getJsonObject("statusSummary").getJsonArray("errors")
                .getJsonObject(0).getString("message");
        assertTrue(error.startsWith("interrupted"), error);
        hold(false);
        assertFalse(interrupted.containsKey("fileName"));
        try (Stream<Path> published = Files.list(exports().resolve("it/" + sandbox + "/guarded"))) {
            assertEquals(0, published.count(), "nothing published by an interrupted run");
        } catch (java.nio.file.NoSuchFileException e) {
            // the folder is made when a run writes: fine
        }

        // a failed run can be retried: a new run, which succeeds
        JsonObject retried = ok(platform.call(RUNS + "/" + runId + "/retry", sandbox).post(Entity.json("{}")));
        assertEquals(runId, retried.getString("retryOf"));
        awaitRun(retried.getString("id"), "success");
        problem(409, platform.call(RUNS + "/" + retried.getString("id") + "/retry", sandbox).post(Entity.json("{}")));

        // a scheduled export of the dataflow running: its run is recorded when due and held like the other
        hold(true);
        ok(platform.call(FLOWS + "/" + flow, sandbox).method("PATCH", Entity.json(Map.of("segments",
                List.of(daily(gold, today, "00:00"), daily(later, today, "23:59"))))));
        JsonObject scheduled = null;
        for (int i = 0; i < 100 && scheduled == null; i++) {
            Thread.sleep(100);
            var items = ok(platform.call(RUNS + "?property=kind==scheduled", sandbox).get()).getJsonArray("items");
            scheduled = items.isEmpty() ? null : items.getJsonObject(0);
        }
        assertTrue(scheduled != null, "the due export was recorded");
        assertEquals("system", scheduled.getString("startedBy"));
        assertEquals("processing", ok(platform.call(FLOWS + "/" + flow, sandbox).get()).getString("state"));
        JsonObject busy = problem(409, adhoc(Map.of("activationInfo", Map.of(destination, List.of(later)))));
        assertTrue(busy.getString("detail").contains("scheduled export of dataflow " + flow + " is running"),
                busy::toString);
        hold(false);
        awaitRun(scheduled.getString("id"), "success");

        // a disabled dataflow activates nothing
        ok(platform.call(FLOWS + "/" + flow, sandbox).method("PATCH", Entity.json(Map.of("state", "disabled"))));
        JsonObject disabled = problem(409, adhoc(Map.of("activationInfo", Map.of(destination, List.of(gold)))));
        assertTrue(disabled.getString("detail").contains("disabled"), disabled::toString);
    }

    @Test
    void destinationsAndDataflowsRefuseBadInput() throws InterruptedException {
        String gold = goldSegment("Any");
        for (Object bad : List.of(
                Map.of("name", "Up", "folder", "../outside", "attributes", List.of("loyalty.tier")),
                Map.of("name", "Abs", "folder", "/etc", "attributes", List.of("loyalty.tier")),
                Map.of("name", "Hidden", "folder", "a/.b", "attributes", List.of("loyalty.tier")),
                Map.of("name", "Template", "folder", "ok", "fileNameTemplate", "{segment}/{oops}.csv",
                        "attributes", List.of("loyalty.tier")),
                Map.of("name", "Slash", "folder", "ok", "fileNameTemplate", "../{segment}.csv",
                        "attributes", List.of("loyalty.tier")),
                Map.of("name", "No columns", "folder", "ok"),
                Map.of("name", "Namespace", "folder", "ok", "identities", List.of("passport")),
                Map.of("name", "Format", "folder", "ok", "format", "xlsx", "attributes", List.of("loyalty.tier")),
                Map.of("folder", "ok", "attributes", List.of("loyalty.tier")))) {
            problem(400, platform.call(DESTINATIONS, sandbox).post(Entity.json(bad)));
        }
        String destination = destination("Kept", "ok/" + sandbox, "csv", "none");
        problem(409, platform.call(DESTINATIONS, sandbox).post(Entity.json(Map.of("name", "Kept", "folder", "x",
                "attributes", List.of("loyalty.tier")))));
        JsonObject changed = ok(platform.call(DESTINATIONS + "/" + destination, sandbox).method("PATCH",
                Entity.json(Map.of("compression", "gzip"))));
        assertEquals("gzip", changed.getString("compression"));
        assertEquals("csv", changed.getString("format"), "fields not given stay");

        problem(400, platform.call(FLOWS, sandbox).post(Entity.json(Map.of("name", "No destination",
                "destinationId", "nope"))));
        problem(400, platform.call(FLOWS, sandbox).post(Entity.json(Map.of("name", "Bad segment",
                "destinationId", destination, "segments", List.of(Map.of("segmentId", "nope"))))));
        problem(400, platform.call(FLOWS, sandbox).post(Entity.json(Map.of("name", "Bad schedule",
                "destinationId", destination, "segments", List.of(Map.of("segmentId", gold, "schedule",
                        Map.of("frequency", "hourly")))))));
        problem(400, platform.call(FLOWS, sandbox).post(Entity.json(Map.of("name", "Ends before",
                "destinationId", destination, "segments", List.of(Map.of("segmentId", gold, "schedule",
                        Map.of("startDate", "2026-12-10", "endDate", "2026-12-01")))))));
        // starting tomorrow, so the scheduler records no run of it while the test deletes it
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String flow = flow(destination, List.of(Map.of("segmentId", gold, "schedule", Map.of("startDate", tomorrow))));
        JsonObject shown = ok(platform.call(FLOWS + "/" + flow, sandbox).get());
        assertEquals("enabled", shown.getString("state"));
        assertEquals("daily", shown.getJsonArray("segments").getJsonObject(0).getJsonObject("schedule")
                .getString("frequency"));
        assertEquals("Any", shown.getJsonArray("segments").getJsonObject(0).getString("segmentName"));
        problem(409, platform.call(FLOWS, sandbox).post(Entity.json(Map.of("name", "Second",
                "destinationId", destination))));
        problem(409, platform.call(DESTINATIONS + "/" + destination, sandbox).delete());
        assertEquals(204, platform.call(FLOWS + "/" + flow, sandbox).delete().getStatus());
        assertEquals(204, platform.call(DESTINATIONS + "/" + destination, sandbox).delete().getStatus());
        problem(404, platform.call(DESTINATIONS + "/" + destination, sandbox).get());
    }

    @Test
    void runsBeyondTheServersRoomStayPendingAndStartAsRoomFrees() throws Exception {
        person("fay@example.com", "Fay", "gold");
        String gold = goldSegment("Gold");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> destinations = new ArrayList<>();
        for (String name : List.of("one", "two", "three")) {
            String destination = destination(name + " " + sandbox, "it/" + sandbox + "/" + name, "csv", "none");
            flow(destination, List.of(daily(gold, today, "23:59")));
            destinations.add(destination);
        }
        // held after their claim, the runs keep the server's two places (cdp.activation.max-concurrent-runs)
        hold(true);
        JsonObject order = ok(adhoc(Map.of("activationInfo", Map.of(destinations.get(0), List.of(gold),
                destinations.get(1), List.of(gold), destinations.get(2), List.of(gold)))));
        List<String> runIds = order.getJsonArray("order").stream().map(item -> item.asJsonObject()
                .getString("statusURL")).map(url -> url.substring(url.lastIndexOf('/') + 1)).toList();
        assertEquals(3, runIds.size());
        Map<String, Long> byStatus = Map.of();
        for (int i = 0; i < 100 && !Long.valueOf(2).equals(byStatus.get("inProgress")); i++) {
            Thread.sleep(50);
            byStatus = runIds.stream().map(id -> statusOf(run(id)))
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        }
        assertEquals(Map.of("inProgress", 2L, "pending", 1L), byStatus, "two claimed, the third waits for room");
        Thread.sleep(2_500); // two checks of the scheduler (every second here) find no room for it either
        assertEquals(1, runIds.stream().filter(id -> statusOf(run(id)).equals("pending")).count(),
                "the third run waits");

        // released, the two finish and the room they leave starts the third
        hold(false);
        for (String id : runIds) {
            awaitRun(id, "success");
        }
    }

    @Test
    void aMissingOrUnwritableFolderFailsTheRunClearlyAndPublishesNothing() throws Exception {
        person("eli@example.com", "Eli", "gold");
        String gold = goldSegment("Gold");
        Path blocked = exports().resolve("it").resolve(sandbox);
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("blocked"), "a file where the folder should be");
        String destination = destination("Blocked " + sandbox, "it/" + sandbox + "/blocked", "csv", "none");
        flow(destination, List.of(daily(gold, LocalDate.now(ZoneOffset.UTC).toString(), "23:59")));
        JsonObject order = ok(adhoc(Map.of("activationInfo", Map.of(destination, List.of(gold)))));
        String url = order.getJsonArray("order").getJsonObject(0).getString("statusURL");
        JsonObject run = awaitRun(url.substring(url.lastIndexOf('/') + 1), "failed");
        String error = run.getJsonObject("metrics").getJsonObject("statusSummary").getJsonArray("errors")
                .getJsonObject(0).getString("message");
        assertTrue(error.startsWith("writing the file failed"), error);
        assertEquals("error", ok(platform.call(FLOWS, sandbox).get()).getJsonArray("items").getJsonObject(0)
                .getString("state"), "a dataflow whose latest run failed shows error");
        try (Stream<Path> left = Files.walk(blocked)) {
            assertEquals(List.of(blocked, blocked.resolve("blocked")), left.sorted().toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
