package dev.cdpconsole.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** Profiles over HTTP on a real Payara Micro: ingestion, stitching, the merge rule, the entities API, search, scoping. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProfileApiIT {

    private static final String INGEST = "data/core/ups/ingest/records";
    private static final String EVENTS = INGEST + "?schema.name=_xdm.context.experienceevent";
    private static final String ENTITIES = "data/core/ups/access/entities";
    private static final String SEARCH = "data/core/ups/search/profiles";

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
        sandbox = platform.createSandbox(Platform.unique("prof"));
    }

    @AfterEach
    void disconnect() {
        platform.deleteSandbox(sandbox);
        platform.close();
    }

    private static JsonObject json(Response response) {
        try (response) {
            return response.readEntity(JsonObject.class);
        }
    }

    private JsonObject ingest(String path, String record) {
        Response answer = platform.call(path, sandbox).post(Entity.json(record));
        assertEquals(200, answer.getStatus(), () -> answer.readEntity(String.class));
        return json(answer);
    }

    private Response refused(String path, String record) {
        return platform.call(path, sandbox).post(Entity.json(record));
    }

    private JsonObject profileByEmail(String email, String sandboxName) {
        Response answer = platform.call(ENTITIES + "?schema.name=_xdm.context.profile&entityId=" + email
                + "&entityIdNS=email", sandboxName).get();
        assertEquals(200, answer.getStatus());
        JsonObject keyed = json(answer);
        assertEquals(1, keyed.size());
        return keyed.getJsonObject(keyed.keySet().iterator().next());
    }

    private static double churn(JsonObject entity) {
        return entity.getJsonObject("computedAttributes").getJsonNumber("churnPropensity").doubleValue();
    }

    private static JsonObject withoutChurn(JsonObject entity) {
        return jakarta.json.Json.createObjectBuilder(entity).add("computedAttributes", jakarta.json.Json
                .createObjectBuilder(entity.getJsonObject("computedAttributes")).remove("churnPropensity")).build();
    }

    private static String person(String email, String first, String last, String time) {
        return "{\"identityMap\": {\"email\": [{\"id\": \"" + email + "\"}]}, \"person\": {\"name\": {\"firstName\": \""
                + first + "\", \"lastName\": \"" + last + "\"}}, \"personalEmail\": {\"address\": \"" + email
                + "\"}, \"timestamp\": \"" + time + "\"}";
    }

    private static String purchase(String namespace, String id, String time, double total) {
        return "{\"identityMap\": {\"" + namespace + "\": [{\"id\": \"" + id + "\"}]}, \"timestamp\": \"" + time
                + "\", \"eventType\": \"commerce.purchases\", \"commerce\": {\"order\": {\"priceTotal\": " + total
                + ", \"currencyCode\": \"USD\"}}}";
    }

    @Test
    void aRecordBecomesAProfileFoundByEveryIdentityAndItsXid() {
        JsonObject outcome = ingest(INGEST, person("Jane.Doe@Example.com", "Jane", "Doe", "2026-11-01T00:00:00Z"));
        assertTrue(outcome.getBoolean("created"));
        String xid = outcome.getString("xid");
        JsonObject profile = profileByEmail("jane.doe@example.com", sandbox);
        assertEquals(xid, profile.getString("entityId"));
        JsonObject entity = profile.getJsonObject("entity");
        assertEquals("Jane", entity.getJsonObject("person").getJsonObject("name").getString("firstName"));
        assertEquals("jane.doe@example.com", entity.getJsonObject("identityMap").getJsonArray("email")
                .getJsonObject(0).getString("id"), "emails compare without case");
        assertFalse(profile.getString("lastModifiedAt").isBlank());
        assertFalse(profile.getJsonArray("sources").isEmpty());

        JsonObject byXid = json(platform.call(ENTITIES + "?schema.name=_xdm.context.profile&entityId=" + xid, sandbox).get());
        assertTrue(byXid.containsKey(xid));

        JsonObject cut = json(platform.call(ENTITIES + "?schema.name=_xdm.context.profile&entityId=" + xid
                + "&fields=person.name.lastName,personalEmail", sandbox).get()).getJsonObject(xid).getJsonObject("entity");
        assertEquals(List.of("person", "personalEmail"), List.copyOf(cut.keySet()));
        assertEquals(List.of("lastName"), List.copyOf(cut.getJsonObject("person").getJsonObject("name").keySet()));
    }

    @Test
    void aRecordThatSharesIdentitiesWithTwoProfilesMergesThemAndNothingIsLost() {
        String first = ingest(INGEST, person("ann@example.com", "Ann", "Lee", "2026-11-01T00:00:00Z")).getString("xid");
        String second = ingest(INGEST, "{\"identityMap\": {\"crmId\": [{\"id\": \"CRM-7\"}]}, \"loyalty\": "
                + "{\"tier\": \"gold\", \"points\": 1200}, \"timestamp\": \"2026-11-02T00:00:00Z\"}").getString("xid");
        ingest(EVENTS, purchase("email", "ann@example.com", "2026-11-20T10:00:00Z", 30));
        ingest(EVENTS, purchase("crmId", "CRM-7", "2026-11-21T10:00:00Z", 70));
        assertFalse(first.equals(second));

        JsonObject joined = ingest(INGEST, "{\"identityMap\": {\"email\": [{\"id\": \"ann@example.com\"}], "
                + "\"crmId\": [{\"id\": \"CRM-7\"}], \"phone\": [{\"id\": \"+82-10-5555-0000\"}]}}");
        assertFalse(joined.getBoolean("created"));
        assertEquals(first, joined.getString("xid"), "the oldest profile stays");
        assertEquals(List.of(second), joined.getJsonArray("mergedXids").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(3, joined.getInt("identities"));

        JsonObject entity = profileByEmail("ann@example.com", sandbox).getJsonObject("entity");
        assertEquals("gold", entity.getJsonObject("loyalty").getString("tier"), "attributes of both");
        assertEquals("Lee", entity.getJsonObject("person").getJsonObject("name").getString("lastName"));
        assertEquals(3, entity.getJsonObject("identityMap").size());
        assertEquals(100.0, entity.getJsonObject("computedAttributes").getJsonNumber("lifetimeValue").doubleValue(),
                "events of both, in the scores");
        JsonObject events = json(platform.call(ENTITIES + "?schema.name=_xdm.context.experienceevent"
                + "&relatedSchema.name=_xdm.context.profile&relatedEntityId=CRM-7&relatedEntityIdNS=crmId", sandbox).get());
        assertEquals(2, events.getJsonArray("children").size());
        try (Response gone = platform.call(ENTITIES + "?schema.name=_xdm.context.profile&entityId=" + second, sandbox).get()) {
            assertEquals(404, gone.getStatus(), "the merged-away profile is no more");
        }
    }

    @Test
    void theLatestRecordWinsPerField() {
        ingest(INGEST, person("bo@example.com", "Bo", "Old", "2026-11-10T00:00:00Z"));
        ingest(INGEST, "{\"identityMap\": {\"email\": [{\"id\": \"bo@example.com\"}]}, \"person\": {\"name\": "
                + "{\"lastName\": \"Older\"}}, \"homeAddress\": {\"city\": \"Busan\"}, \"timestamp\": \"2026-11-01T00:00:00Z\"}");
        ingest(INGEST, "{\"identityMap\": {\"email\": [{\"id\": \"bo@example.com\"}]}, \"person\": {\"name\": "
                + "{\"firstName\": \"Bonnie\"}}, \"timestamp\": \"2026-11-20T00:00:00Z\"}");
        JsonObject entity = profileByEmail("bo@example.com", sandbox).getJsonObject("entity");
        JsonObject name = entity.getJsonObject("person").getJsonObject("name");
        assertEquals("Bonnie", name.getString("firstName"), "newer record, newer value");
        assertEquals("Old", name.getString("lastName"), "an older record does not overwrite");
        assertEquals("Busan", entity.getJsonObject("homeAddress").getString("city"), "but adds what was missing");
    }

    @Test
    void eventsPageByTimeInBothOrders() {
        for (int day = 1; day <= 5; day++) {
            ingest(EVENTS, "{\"identityMap\": {\"ecid\": [{\"id\": \"E-1\"}]}, \"timestamp\": \"2026-11-0" + day
                    + "T12:00:00Z\", \"eventType\": \"web.webpagedetails.pageViews\", \"_id\": \"view-" + day + "\"}");
        }
        String query = ENTITIES + "?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile"
                + "&relatedEntityId=E-1&relatedEntityIdNS=ecid&limit=2&orderby=-timestamp";
        List<String> seen = new ArrayList<>();
        String next = query;
        int pages = 0;
        while (next != null && pages++ < 10) {
            JsonObject page = json(platform.call(next, sandbox).get());
            assertEquals("-timestamp", page.getJsonObject("_page").getString("orderby"));
            page.getJsonArray("children").forEach(c -> seen.add(c.asJsonObject().getString("entityId")));
            JsonObject links = page.getJsonObject("_links");
            next = links.containsKey("next") ? platform.base.relativize(URI.create(links.getJsonObject("next")
                    .getString("href"))).toString() : null;
        }
        assertEquals(List.of("view-5", "view-4", "view-3", "view-2", "view-1"), seen);
        assertEquals(3, pages);

        long from = java.time.Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
        long to = java.time.Instant.parse("2026-11-04T00:00:00Z").toEpochMilli();
        JsonObject window = json(platform.call(ENTITIES + "?schema.name=_xdm.context.experienceevent"
                + "&relatedSchema.name=_xdm.context.profile&relatedEntityId=E-1&relatedEntityIdNS=ecid&startTime="
                + from + "&endTime=" + to, sandbox).get());
        assertEquals(List.of("view-2", "view-3"), window.getJsonArray("children").stream()
                .map(c -> c.asJsonObject().getString("entityId")).toList());
        assertEquals(to - 12 * 3600_000L, window.getJsonArray("children").getJsonObject(1).getJsonNumber("timestamp")
                .longValue());
    }

    @Test
    void scoresFollowPurchases() {
        ingest(INGEST, person("cy@example.com", "Cy", "Buyer", "2026-11-01T00:00:00Z"));
        String recent = java.time.Instant.now().minusSeconds(86_400).toString();
        String old = java.time.Instant.now().minusSeconds(60L * 86_400).toString();
        ingest(EVENTS, purchase("email", "cy@example.com", recent, 19.99));
        ingest(EVENTS, purchase("email", "cy@example.com", old, 80.01));
        JsonObject computed = profileByEmail("cy@example.com", sandbox).getJsonObject("entity")
                .getJsonObject("computedAttributes");
        assertEquals(100.0, computed.getJsonNumber("lifetimeValue").doubleValue(), 0.001);
        assertEquals(1, computed.getInt("purchasesLast30Days"));
        double churn = computed.getJsonNumber("churnPropensity").doubleValue();
        assertTrue(churn > 0 && churn < 0.5, "a recent buyer is unlikely to churn: " + churn);
    }

    @Test
    void manyAtOnce() {
        String a = ingest(INGEST, person("d1@example.com", "D", "One", "2026-11-01T00:00:00Z")).getString("xid");
        String b = ingest(INGEST, person("d2@example.com", "D", "Two", "2026-11-01T00:00:00Z")).getString("xid");
        JsonObject found = json(platform.call(ENTITIES, sandbox).post(Entity.json("{\"schema\": {\"name\": "
                + "\"_xdm.context.profile\"}, \"identities\": [{\"entityId\": \"d1@example.com\", \"entityIdNS\": "
                + "{\"code\": \"email\"}}, {\"entityId\": \"" + b + "\"}, {\"entityId\": \"nobody@example.com\", "
                + "\"entityIdNS\": {\"code\": \"email\"}}], \"fields\": [\"person.name\"]}")));
        assertEquals(java.util.Set.of(a, b), found.keySet());
        assertEquals(List.of("person"), List.copyOf(found.getJsonObject(a).getJsonObject("entity").keySet()));
    }

    @Test
    void searchByPrefixAndExactIdentityAndUntrustedNamesAsGiven() {
        ingest(INGEST, person("eve.kim@example.com", "<script>alert(1)</script>", "Kim", "2026-11-01T00:00:00Z"));
        ingest(INGEST, "{\"identityMap\": {\"email\": [{\"id\": \"eric@example.com\"}], \"crmId\": [{\"id\": \"K-42\"}]}, "
                + "\"person\": {\"name\": {\"firstName\": \"Eric\", \"lastName\": \"Kimball\"}}, "
                + "\"mobilePhone\": {\"number\": \"010-9876-5432\"}}");
        List<String> byLastName = names(json(platform.call(SEARCH + "?q=kim", sandbox).get()));
        assertEquals(List.of("Kim", "Kimball"), byLastName);
        assertEquals(List.of("Kimball"), names(json(platform.call(SEARCH + "?q=eri", sandbox).get())));
        assertEquals(List.of("Kimball"), names(json(platform.call(SEARCH + "?q=K-42", sandbox).get())), "exact identity");
        assertEquals(List.of("Kimball"), names(json(platform.call(SEARCH + "?q=010987", sandbox).get())), "phone digits");
        assertEquals(List.of("Kim"), names(json(platform.call(SEARCH + "?q=eve.k", sandbox).get())), "email prefix");
        JsonObject hit = json(platform.call(SEARCH + "?q=eve", sandbox).get()).getJsonArray("profiles").getJsonObject(0);
        assertEquals("<script>alert(1)</script>", hit.getString("firstName"), "stored as given");
        JsonObject paged = json(platform.call(SEARCH + "?q=kim&limit=1", sandbox).get());
        assertEquals(1, paged.getJsonArray("profiles").size());
        assertTrue(paged.getJsonObject("_links").containsKey("next"));
        assertTrue(names(json(platform.call(SEARCH + "?q=%25", sandbox).get())).isEmpty(), "a wildcard is just a character");
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("profiles").stream().map(p -> p.asJsonObject().getString("lastName")).toList();
    }

    @Test
    void nothingOfOneSandboxIsVisibleFromAnother() {
        String other = platform.createSandbox(Platform.unique("other"));
        try {
            String xid = ingest(INGEST, person("fay@example.com", "Fay", "Park", "2026-11-01T00:00:00Z")).getString("xid");
            ingest(EVENTS, purchase("email", "fay@example.com", "2026-11-20T10:00:00Z", 5));
            for (String path : List.of(ENTITIES + "?schema.name=_xdm.context.profile&entityId=fay@example.com&entityIdNS=email",
                    ENTITIES + "?schema.name=_xdm.context.profile&entityId=" + xid,
                    ENTITIES + "?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile"
                            + "&relatedEntityId=fay@example.com&relatedEntityIdNS=email")) {
                try (Response elsewhere = platform.call(path, other).get()) {
                    assertEquals(404, elsewhere.getStatus(), path);
                }
            }
            assertTrue(json(platform.call(SEARCH + "?q=fay", other).get()).getJsonArray("profiles").isEmpty());
            assertTrue(json(platform.call(ENTITIES, other).post(Entity.json("{\"schema\": {\"name\": "
                    + "\"_xdm.context.profile\"}, \"identities\": [{\"entityId\": \"" + xid + "\"}]}"))).isEmpty());
            JsonObject same = ingest(INGEST, person("fay@example.com", "Fay", "Park", "2026-11-01T00:00:00Z"));
            assertEquals(xid, same.getString("xid"));
            JsonObject elsewhere = json(platform.call(INGEST, other).post(Entity.json(person("fay@example.com", "Fay",
                    "Elsewhere", "2026-11-01T00:00:00Z"))));
            assertTrue(elsewhere.getBoolean("created"), "the same identity is another profile in another sandbox");
        } finally {
            platform.deleteSandbox(other);
        }
    }

    @Test
    void aResetRemovesTheProfilesItReports() {
        ingest(INGEST, person("gil@example.com", "Gil", "Reset", "2026-11-01T00:00:00Z"));
        JsonObject preview = json(platform.call(Platform.SANDBOXES + "/" + sandbox + "?validationOnly=true")
                .put(Entity.json(Map.of("action", "reset"))));
        assertEquals("profiles", preview.getJsonArray("items").getJsonObject(0).getString("kind"));
        assertEquals(1, preview.getJsonArray("items").getJsonObject(0).getInt("count"));
        assertFalse(preview.getJsonArray("warnings").isEmpty());
        try (Response refused = platform.call(Platform.SANDBOXES + "/" + sandbox).put(Entity.json(Map.of("action", "reset")))) {
            assertEquals(409, refused.getStatus(), "data would go: needs ignoreWarnings");
        }
        platform.call(Platform.SANDBOXES + "/" + sandbox + "?ignoreWarnings=true").put(Entity.json(Map.of("action", "reset")))
                .close();
        try (Response gone = platform.call(ENTITIES + "?schema.name=_xdm.context.profile&entityId=gil@example.com"
                + "&entityIdNS=email", sandbox).get()) {
            assertEquals(404, gone.getStatus());
        }
    }

    @Test
    void aBatchIsProcessedInTheBackgroundAndABadLineDoesNotStopTheRest() throws InterruptedException {
        String lines = person("b1@example.com", "Bea", "One", "2026-11-01T00:00:00Z") + "\n"
                + "{this is not json\n"
                + "\n"
                + "{\"identityMap\": {\"fax\": [{\"id\": \"1\"}]}}\n"
                + person("b2@example.com", "Bea", "Two", "2026-11-01T00:00:00Z") + "\n"
                + "{\"identityMap\": {\"email\": [{\"id\": \"b1@example.com\"}]}, \"loyalty\": {\"tier\": \"silver\"}}\n"
                + "{\"identityMap\": {\"email\": [{\"id\": \"b3@example.com\"}]}, \"person\": {\"name\": "
                + "{\"firstName\": \"Nul\\u0000\"}}}\n";
        Response submitted = platform.call("data/core/ups/ingest/batches", sandbox)
                .post(Entity.entity(lines, "application/x-ndjson"));
        assertEquals(200, submitted.getStatus());
        JsonObject batch = json(submitted);
        String id = batch.getString("batchId");
        assertEquals(6, batch.getInt("totalLines"));
        JsonObject status = batch;
        for (int i = 0; i < 100 && !status.getString("status").equals("success"); i++) {
            Thread.sleep(100);
            status = json(platform.call("data/core/ups/ingest/batches/" + id, sandbox).get());
        }
        assertEquals("success", status.getString("status"), status.toString());
        assertEquals(6, status.getInt("processedLines"));
        assertEquals(3, status.getInt("ingested"));
        assertEquals(3, status.getInt("failed"));
        assertEquals(List.of(2, 4, 7), status.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getInt("line")).toList(), "errors name their lines");
        assertTrue(status.getJsonArray("errors").getJsonObject(1).getString("reason").contains("fax"));
        assertTrue(status.getJsonArray("errors").getJsonObject(2).getString("reason").contains("U+0000"));
        assertEquals("silver", profileByEmail("b1@example.com", sandbox).getJsonObject("entity")
                .getJsonObject("loyalty").getString("tier"));
        profileByEmail("b2@example.com", sandbox);

        String other = platform.createSandbox(Platform.unique("nobatch"));
        try (Response elsewhere = platform.call("data/core/ups/ingest/batches/" + id, other).get()) {
            assertEquals(404, elsewhere.getStatus(), "a batch belongs to its sandbox");
        } finally {
            platform.deleteSandbox(other);
        }
        try (Response empty = platform.call("data/core/ups/ingest/batches", sandbox).post(Entity.entity(" \n ",
                "application/x-ndjson"))) {
            assertEquals(400, empty.getStatus());
        }
        try (Response notLines = platform.call("data/core/ups/ingest/batches", sandbox).post(Entity.entity(
                "name,email\nJane,jane@example.com", "text/plain"))) {
            assertEquals(400, notLines.getStatus());
            assertTrue(notLines.readEntity(String.class).contains("not JSON Lines"));
        }
        try (Response unknown = platform.call("data/core/ups/ingest/batches/batch-nope", sandbox).get()) {
            assertEquals(404, unknown.getStatus());
        }
        // Over the limit the tests run with (1 MiB, pom.xml): refused while it streams in, and nothing of it kept.
        int before = json(platform.call("data/core/ups/ingest/batches", sandbox).get()).getJsonArray("batches").size();
        String line = person("big@example.com", "Big", "Upload", "2026-11-01T00:00:00Z") + "\n";
        try (Response tooLarge = platform.call("data/core/ups/ingest/batches", sandbox).post(Entity.entity(
                line.repeat(1_200_000 / line.length()), "application/x-ndjson"))) {
            assertEquals(400, tooLarge.getStatus());
            JsonObject problem = json(tooLarge);
            assertTrue(problem.getString("type").endsWith("/batch-too-large"), problem.toString());
            assertTrue(problem.getString("detail").contains("1048576 bytes"), problem.toString());
        }
        assertEquals(before,
                json(platform.call("data/core/ups/ingest/batches", sandbox).get()).getJsonArray("batches").size());
    }

    @Test
    void theFirstStartFillsTheDemoSandbox() throws InterruptedException {
        // The test run sets CDP_DEMO_PROFILES=30: the last generated person must arrive in the "demo" sandbox.
        String[] last = new String[1];
        dev.cdpconsole.platform.profile.DemoData.person(29, line -> last[0] = line, event -> { });
        JsonObject expected = jakarta.json.Json.createReader(new java.io.StringReader(last[0])).readObject();
        String email = expected.getJsonObject("personalEmail").getString("address");
        int status = 0;
        for (int i = 0; i < 120 && status != 200; i++) {
            try (Response answer = platform.call(ENTITIES + "?schema.name=_xdm.context.profile&entityId=" + email
                    + "&entityIdNS=email", "demo").get()) {
                status = answer.getStatus();
            }
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        assertEquals(200, status, "the demo sandbox holds the generated people");
        JsonObject entity = profileByEmail(email, "demo").getJsonObject("entity");
        assertEquals(expected.getJsonObject("person").getJsonObject("name").getString("lastName"),
                entity.getJsonObject("person").getJsonObject("name").getString("lastName"));
        assertEquals(3, entity.getJsonObject("identityMap").size());
    }

    @Test
    void badRecordsAndLookupsAreClear4xx() {
        assertEquals(400, refused(INGEST, "{not json").getStatus());
        assertEquals(400, refused(INGEST, "[1, 2]").getStatus());
        assertEquals(400, refused(INGEST, "{\"person\": {}}").getStatus(), "no identity");
        for (String nul : List.of(identities("email", "nul\\u0000@example.com", ""),
                identities("email", "nul@example.com", ", \"x\\u0000\": 1"))) {
            try (Response refusedNul = refused(INGEST, nul)) {
                assertEquals(400, refusedNul.getStatus(), nul);
                assertTrue(refusedNul.readEntity(String.class).contains("U+0000"), nul);
            }
        }
        try (Response unknown = refused(INGEST, "{\"identityMap\": {\"fax\": [{\"id\": \"1\"}]}}")) {
            assertEquals(400, unknown.getStatus());
            assertTrue(unknown.readEntity(String.class).contains("unknown identity namespace fax"));
        }
        String big = "{\"identityMap\": {\"email\": [{\"id\": \"big@example.com\"}]}, \"blob\": \"" + "x".repeat(103_000) + "\"}";
        try (Response tooBig = refused(INGEST, big)) {
            assertEquals(400, tooBig.getStatus());
            assertTrue(tooBig.readEntity(String.class).contains("102400"));
        }
        String bigEvent = "{\"identityMap\": {\"email\": [{\"id\": \"big@example.com\"}]}, \"timestamp\": "
                + "\"2026-11-01T00:00:00Z\", \"blob\": \"" + "x".repeat(11_000) + "\"}";
        assertEquals(400, refused(EVENTS, bigEvent).getStatus());
        assertEquals(400, refused(EVENTS, "{\"identityMap\": {\"email\": [{\"id\": \"e@example.com\"}]}}").getStatus(),
                "an event needs a timestamp");

        StringBuilder wide = new StringBuilder("{\"identityMap\": {\"ecid\": [");
        for (int i = 0; i < 51; i++) {
            wide.append(i == 0 ? "" : ", ").append("{\"id\": \"wide-").append(i).append("\"}");
        }
        try (Response graph = refused(INGEST, wide.append("]}}").toString())) {
            assertEquals(400, graph.getStatus());
            assertTrue(graph.readEntity(String.class).contains("at most 50"));
        }
        for (String[] bad : new String[][] {{"?schema.name=_xdm.context.profile&entityId=x&entityIdNS=fax", "400"},
                {"?schema.name=_xdm.context.profile&entityIdNS=email", "400"},
                {"?schema.name=nothing&entityId=x", "400"},
                {"?entityId=x", "400"},
                {"?schema.name=_xdm.context.profile&entityId=nobody@example.com&entityIdNS=email", "404"},
                {"?schema.name=_xdm.context.experienceevent&relatedEntityId=x&relatedEntityIdNS=email&limit=0", "404"},
                {"?schema.name=_xdm.context.experienceevent&relatedSchema.name=other&relatedEntityId=x", "400"}}) {
            try (Response answer = platform.call(ENTITIES + bad[0], sandbox).get()) {
                assertEquals(Integer.parseInt(bad[1]), answer.getStatus(), bad[0]);
            }
        }
        // U+0000 in a lookup or a search: PostgreSQL's text cannot hold it, so it is the same 400 on every database.
        for (String withNul : List.of(ENTITIES + "?schema.name=_xdm.context.profile&entityId=a%00b&entityIdNS=email",
                ENTITIES + "?schema.name=_xdm.context.profile&entityId=a%00b", SEARCH + "?q=a%00b")) {
            try (Response answer = platform.call(withNul, sandbox).get()) {
                assertEquals(400, answer.getStatus(), withNul);
                assertTrue(answer.readEntity(String.class).contains("U+0000"), withNul);
            }
        }
        ingest(EVENTS, purchase("email", "h@example.com", "2026-11-01T00:00:00Z", 1));
        for (String param : List.of("&limit=0", "&limit=abc", "&startTime=yesterday", "&orderby=name", "&start=not-a-cursor")) {
            try (Response answer = platform.call(ENTITIES + "?schema.name=_xdm.context.experienceevent"
                    + "&relatedEntityId=h@example.com&relatedEntityIdNS=email" + param, sandbox).get()) {
                assertEquals(400, answer.getStatus(), param);
            }
        }
    }

    private JsonObject awaitBatch(String sandboxName, String schema, String lines) throws InterruptedException {
        Response submitted = platform.call("data/core/ups/ingest/batches?schema.name=" + schema, sandboxName)
                .post(Entity.entity(lines, "application/x-ndjson"));
        assertEquals(200, submitted.getStatus(), () -> submitted.readEntity(String.class));
        String id = json(submitted).getString("batchId");
        JsonObject status = null;
        for (int i = 0; i < 300; i++) {
            status = json(platform.call("data/core/ups/ingest/batches/" + id, sandboxName).get());
            if (!status.getString("status").equals("queued") && !status.getString("status").equals("processing")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("success", status.getString("status"), status.toString());
        return status;
    }

    private static String identities(String namespace, String id, String rest) {
        return "{\"identityMap\": {\"" + namespace + "\": [{\"id\": \"" + id + "\"}]}" + rest + "}";
    }

    @Test
    void batchesGiveTheProfilesSingleRecordsGive() throws InterruptedException {
        // Stitching inside one chunk, stitching to profiles of an earlier batch, merge by time, events and scores.
        List<String> profilesFirst = List.of(
                person("eq-a@example.com", "Ann", "Early", "2026-11-02T00:00:00Z"),
                person("eq-b@example.com", "Ben", "Bright", "2026-11-03T00:00:00Z"),
                identities("email", "eq-x@example.com", ", \"loyalty\": {\"tier\": \"gold\"}, \"timestamp\": 1000"),
                identities("crmId", "EQ-Y", ", \"loyalty\": {\"tier\": \"bronze\", \"points\": 5}, \"timestamp\": 2000"),
                "{\"identityMap\": {\"email\": [{\"id\": \"eq-x@example.com\"}], \"crmId\": [{\"id\": \"EQ-Y\"}]}, "
                        + "\"homeAddress\": {\"city\": \"Busan\"}, \"timestamp\": 1500}",
                // Text that CSV, COPY and SQL each treat specially, and an empty name that must not become null.
                identities("email", "eq-odd@example.com", ", \"person\": {\"name\": {\"firstName\": "
                        + "\"Q\\\"u,o\\\\te\\n\\t한\", \"lastName\": \"\"}}, \"homeAddress\": {\"city\": \"a,\\\"b\\\"\"}, "
                        + "\"timestamp\": 3000"));
        List<String> eventsFirst = List.of(
                purchase("email", "eq-new@example.com", "2026-11-20T00:00:00Z", 40),
                purchase("email", "eq-a@example.com", "2026-11-21T00:00:00Z", 12.5));
        List<String> profilesLater = List.of(
                "{\"identityMap\": {\"email\": [{\"id\": \"eq-a@example.com\"}, {\"id\": \"eq-b@example.com\"}]}, "
                        + "\"loyalty\": {\"tier\": \"silver\"}, \"timestamp\": \"2026-11-01T00:00:00Z\"}",
                person("eq-a@example.com", "Annie", "Older", "2026-10-01T00:00:00Z"),
                "{\"identityMap\": {\"phone\": [{\"id\": \"+82 10-0000-0001\"}], \"email\": [{\"id\": \"eq-new@example.com\"}]}, "
                        + "\"person\": {\"name\": {\"firstName\": \"Nora\"}}, \"timestamp\": \"2026-11-25T00:00:00Z\"}",
                "{bad line");
        List<String> eventsLater = List.of(purchase("phone", "+82 10-0000-0001", "2026-11-26T00:00:00Z", 7));

        String single = sandbox;
        for (List<String> part : List.of(profilesFirst, eventsFirst, profilesLater, eventsLater)) {
            String path = part == eventsFirst || part == eventsLater ? EVENTS : INGEST;
            for (String record : part) {
                try (Response answer = platform.call(path, single).post(Entity.json(record))) {
                    assertEquals(record.startsWith("{bad") ? 400 : 200, answer.getStatus(), record);
                }
            }
        }
        String batched = platform.createSandbox(Platform.unique("bulk"));
        try {
            awaitBatch(batched, "_xdm.context.profile", String.join("\n", profilesFirst));
            awaitBatch(batched, "_xdm.context.experienceevent", String.join("\n", eventsFirst));
            JsonObject later = awaitBatch(batched, "_xdm.context.profile", String.join("\n", profilesLater));
            assertEquals(1, later.getInt("failed"));
            assertEquals(4, later.getJsonArray("errors").getJsonObject(0).getInt("line"));
            awaitBatch(batched, "_xdm.context.experienceevent", String.join("\n", eventsLater));

            for (String email : List.of("eq-a@example.com", "eq-x@example.com", "eq-new@example.com",
                    "eq-odd@example.com")) {
                JsonObject one = profileByEmail(email, single).getJsonObject("entity");
                JsonObject other = profileByEmail(email, batched).getJsonObject("entity");
                // churn counts days since the last purchase at the moment each profile was written, and the two
                // sandboxes are written a little apart: equal to within the rounding, everything else exactly
                assertEquals(churn(one), churn(other), 0.0015, email);
                assertEquals(withoutChurn(one), withoutChurn(other), email);
            }
            JsonObject odd = profileByEmail("eq-odd@example.com", batched).getJsonObject("entity");
            assertEquals("Q\"u,o\\te\n\t한", odd.getJsonObject("person").getJsonObject("name").getString("firstName"));
            assertEquals("", odd.getJsonObject("person").getJsonObject("name").getString("lastName"));
            assertEquals("a,\"b\"", odd.getJsonObject("homeAddress").getString("city"));
            JsonObject a = profileByEmail("eq-b@example.com", batched).getJsonObject("entity");
            assertEquals("Ben", a.getJsonObject("person").getJsonObject("name").getString("firstName"),
                    "the newest record's name wins; the older Annie does not");
            assertEquals("silver", a.getJsonObject("loyalty").getString("tier"));
            assertEquals(2, a.getJsonObject("identityMap").getJsonArray("email").size());
            JsonObject x = profileByEmail("eq-x@example.com", batched).getJsonObject("entity");
            assertEquals("bronze", x.getJsonObject("loyalty").getString("tier"), "stitched in one chunk, merged by time");
            assertEquals("Busan", x.getJsonObject("homeAddress").getString("city"));

            for (String q : List.of("eq-", "Nora", "ann", "Q")) {
                JsonObject one = json(platform.call(SEARCH + "?q=" + q, single).get());
                JsonObject other = json(platform.call(SEARCH + "?q=" + q, batched).get());
                assertEquals(strip(one), strip(other), q);
            }
        } finally {
            platform.deleteSandbox(batched);
        }
    }

    /** A search answer without the XIDs, which differ between sandboxes. */
    private static List<String> strip(JsonObject page) {
        return page.getJsonArray("profiles").stream().map(JsonObject.class::cast)
                .map(hit -> hit.getString("email", "") + "|" + hit.getString("firstName", "") + "|"
                        + hit.get("lastName") + "|" + hit.get("city") + "|" + hit.get("lifetimeValue"))
                .sorted().toList();
    }

    private static final String JOBS = "data/core/ups/system/jobs";

    private JsonObject awaitJob(String id) throws InterruptedException {
        JsonObject job = null;
        for (int i = 0; i < 300; i++) {
            job = json(platform.call(JOBS + "/" + id, sandbox).get());
            if (job.getString("status").equals("SUCCESS") || job.getString("status").equals("ERROR")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("SUCCESS", job.getString("status"), job.toString());
        return job;
    }

    private BigDecimalHit hit(String email) {
        JsonObject page = json(platform.call(SEARCH + "?q=" + email, sandbox).get());
        return page.getJsonArray("profiles").isEmpty() ? null
                : new BigDecimalHit(page.getJsonArray("profiles").getJsonObject(0).getJsonNumber("lifetimeValue")
                        .bigDecimalValue().doubleValue());
    }

    private record BigDecimalHit(double lifetimeValue) {
    }

    @Test
    void deletingABatchRemovesWhatItBroughtAndNothingElse() throws InterruptedException {
        ingest(INGEST, person("del-s@example.com", "Single", "Record", "2026-11-01T00:00:00Z"));
        String records = awaitBatch(sandbox, "_xdm.context.profile", identities("email", "del-s@example.com",
                ", \"loyalty\": {\"tier\": \"gold\"}, \"person\": {\"name\": {\"firstName\": \"Batched\"}}, "
                        + "\"timestamp\": \"2026-11-05T00:00:00Z\"") + "\n"
                + person("del-only@example.com", "Only", "Batch", "2026-11-02T00:00:00Z")).getString("batchId");
        awaitBatch(sandbox, "_xdm.context.experienceevent", purchase("email", "del-s@example.com",
                "2026-11-20T00:00:00Z", 30) + "\n" + purchase("email", "del-ev@example.com", "2026-11-21T00:00:00Z", 5));
        assertEquals("Batched", profileByEmail("del-s@example.com", sandbox).getJsonObject("entity")
                .getJsonObject("person").getJsonObject("name").getString("firstName"));

        Response made = platform.call(JOBS, sandbox).post(Entity.json("{\"batchId\": \"" + records + "\"}"));
        assertEquals(200, made.getStatus(), () -> made.readEntity(String.class));
        JsonObject job = json(made);
        assertEquals("DELETE", job.getString("jobType"));
        assertEquals(records, job.getString("batchId"));
        assertTrue(List.of("NEW", "IN-PROGRESS", "SUCCESS").contains(job.getString("status")));
        JsonObject done = awaitJob(job.getString("id"));
        JsonObject metrics = jakarta.json.Json.createReader(new java.io.StringReader(done.getString("metrics")))
                .readObject();
        assertEquals(2, metrics.getInt("recordsProcessed"), done.toString());
        assertEquals(1, metrics.getInt("profilesRemoved"), "the profile made only of the batch goes");

        JsonObject kept = profileByEmail("del-s@example.com", sandbox).getJsonObject("entity");
        assertEquals("Single", kept.getJsonObject("person").getJsonObject("name").getString("firstName"),
                "rebuilt from the record that remains");
        assertFalse(kept.containsKey("loyalty"));
        assertEquals(30.0, hit("del-s@example.com").lifetimeValue(), "events of other batches stay");
        try (Response gone = platform.call(ENTITIES + "?schema.name=_xdm.context.profile&entityId=del-only@example.com"
                + "&entityIdNS=email", sandbox).get()) {
            assertEquals(404, gone.getStatus());
        }
        assertEquals("deleted", json(platform.call("data/core/ups/ingest/batches/" + records, sandbox).get())
                .getString("status"));

        try (Response again = platform.call(JOBS, sandbox).post(Entity.json("{\"batchId\": \"" + records + "\"}"))) {
            assertEquals(422, again.getStatus());
            assertTrue(again.readEntity(String.class).contains("Delete request (Profile System Job) Definition already exists."));
        }
        for (String bad : List.of("{}", "{\"batchId\": \"" + records + "\", \"dataSetId\": \"profile-records\"}",
                "{\"batchId\": \"batch-nope\"}", "{\"dataSetId\": \"nope\"}", "[1]", "{\"batchId\": 5}")) {
            try (Response answer = platform.call(JOBS, sandbox).post(Entity.json(bad))) {
                assertEquals(400, answer.getStatus(), bad);
            }
        }
        String other = platform.createSandbox(Platform.unique("nojob"));
        try (Response elsewhere = platform.call(JOBS + "/" + job.getString("id"), other).get()) {
            assertEquals(404, elsewhere.getStatus(), "a delete request belongs to its sandbox");
            try (Response batchElsewhere = platform.call(JOBS, other).post(Entity.json("{\"batchId\": \"" + records
                    + "\"}"))) {
                assertEquals(400, batchElsewhere.getStatus(), "another sandbox's batch is unknown here");
            }
            assertTrue(json(platform.call(JOBS, other).get()).getJsonArray("children").isEmpty());
        } finally {
            platform.deleteSandbox(other);
        }

        JsonObject events = json(platform.call(JOBS, sandbox).post(Entity.json("{\"dataSetId\": \"experience-events\"}")));
        awaitJob(events.getString("id"));
        assertEquals(0.0, hit("del-s@example.com").lifetimeValue());
        assertEquals(null, hit("del-ev@example.com"), "a profile made only of events goes with them");

        JsonObject list = json(platform.call(JOBS + "?limit=1", sandbox).get());
        assertEquals(1, list.getJsonObject("_page").getInt("count"));
        assertEquals("1", list.getJsonObject("_page").getString("next"));
        assertEquals(events.getString("id"), list.getJsonArray("children").getJsonObject(0).getString("id"));
        try (Response removed = platform.call(JOBS + "/" + job.getString("id"), sandbox).delete()) {
            assertEquals(200, removed.getStatus());
        }
        try (Response gone = platform.call(JOBS + "/" + job.getString("id"), sandbox).get()) {
            assertEquals(404, gone.getStatus());
        }
        try (Response badPage = platform.call(JOBS + "?page=x", sandbox).get()) {
            assertEquals(400, badPage.getStatus());
        }
    }
}
