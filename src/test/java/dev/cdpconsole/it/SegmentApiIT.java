package dev.cdpconsole.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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

/** Segments over HTTP on a real Payara Micro: definitions, PQL errors, previews, segmentation jobs, scoping. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SegmentApiIT {

    private static final String DEFINITIONS = "data/core/ups/segment/definitions";
    private static final String JOBS = "data/core/ups/segment/jobs";
    private static final String INGEST = "data/core/ups/ingest/records";

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
        sandbox = platform.createSandbox(Platform.unique("seg"));
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

    private JsonObject ok(Response answer) {
        assertEquals(200, answer.getStatus(), () -> answer.readEntity(String.class));
        return json(answer);
    }

    private void person(String email, String tier, int points, String time) {
        ok(platform.call(INGEST, sandbox).post(Entity.json("{\"identityMap\": {\"email\": [{\"id\": \"" + email
                + "\"}]}, \"person\": {\"name\": {\"firstName\": \"" + email.substring(0, email.indexOf('@'))
                + "\"}}, \"loyalty\": {\"tier\": \"" + tier + "\", \"points\": " + points + "}, \"timestamp\": \""
                + time + "\"}")));
    }

    private void purchase(String email, String time) {
        ok(platform.call(INGEST + "?schema.name=_xdm.context.experienceevent", sandbox).post(Entity.json(
                "{\"identityMap\": {\"email\": [{\"id\": \"" + email + "\"}]}, \"timestamp\": \"" + time
                        + "\", \"eventType\": \"commerce.purchases\", \"commerce\": {\"order\": {\"priceTotal\": 10, "
                        + "\"currencyCode\": \"USD\"}}}")));
    }

    private JsonObject define(String name, String pql) {
        return ok(platform.call(DEFINITIONS, sandbox).post(Entity.json(Map.of("name", name, "description", "for a test",
                "expression", Map.of("type", "PQL", "format", "pql/text", "value", pql),
                "schema", Map.of("name", "_xdm.context.profile"), "ttlInDays", 30))));
    }

    private JsonObject evaluate(String... segmentIds) throws InterruptedException {
        List<Map<String, String>> body = java.util.Arrays.stream(segmentIds).map(id -> Map.of("segmentId", id)).toList();
        JsonObject job = ok(platform.call(JOBS, sandbox).post(Entity.json(body)));
        for (int i = 0; i < 300 && !List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.getString("status")); i++) {
            Thread.sleep(100);
            job = ok(platform.call(JOBS + "/" + job.getString("id"), sandbox).get());
        }
        assertEquals("SUCCEEDED", job.getString("status"), job::toString);
        return job;
    }

    private JsonObject estimate(String pql) throws InterruptedException {
        Response started = platform.call("data/core/ups/preview", sandbox).post(Entity.json(Map.of(
                "predicateExpression", pql, "predicateType", "pql/text", "predicateModel", "_xdm.context.profile")));
        assertEquals(201, started.getStatus(), () -> started.readEntity(String.class));
        String id = json(started).getString("previewId");
        JsonObject estimate = ok(platform.call("data/core/ups/estimate/" + id, sandbox).get());
        for (int i = 0; i < 200 && estimate.getString("state").equals("RUNNING"); i++) {
            Thread.sleep(50);
            estimate = ok(platform.call("data/core/ups/estimate/" + id, sandbox).get());
        }
        assertEquals("RESULT_READY", estimate.getString("state"), estimate::toString);
        return estimate;
    }

    /** The entities API's segmentMembership.ups entry of a profile for a segment. */
    private JsonObject membership(String email, String segmentId) {
        JsonObject keyed = ok(platform.call("data/core/ups/access/entities?schema.name=_xdm.context.profile&entityIdNS="
                + "email&entityId=" + email, sandbox).get());
        return keyed.getJsonObject(keyed.keySet().iterator().next()).getJsonObject("entity")
                .getJsonObject("segmentMembership").getJsonObject("ups").getJsonObject(segmentId);
    }

    @Test
    void definitionsAreKeptCheckedChangedAndDeletedWithinTheirSandbox() {
        JsonObject gold = define("Gold members", "loyalty.tier = \"gold\"");
        String id = gold.getString("id");
        assertEquals("Gold members", gold.getString("name"));
        assertEquals("PQL", gold.getJsonObject("expression").getString("type"));
        assertEquals("loyalty.tier = \"gold\"", gold.getJsonObject("expression").getString("value"));
        assertEquals("_xdm.context.profile", gold.getJsonObject("schema").getString("name"));
        assertEquals(sandbox, gold.getJsonObject("sandbox").getString("sandboxName"));
        assertEquals(Platform.ORG_ID, gold.getString("imsOrgId"));
        assertEquals(30, gold.getInt("ttlInDays"));
        assertFalse(gold.containsKey("metrics"), "not evaluated yet");

        assertEquals(id, ok(platform.call(DEFINITIONS + "/" + id, sandbox).get()).getString("id"));
        define("Big spenders", "lifetimeValue > 500");
        JsonObject list = ok(platform.call(DEFINITIONS + "?limit=1&sort=name:asc", sandbox).get());
        assertEquals("Big spenders", list.getJsonArray("segments").getJsonObject(0).getString("name"));
        assertEquals(2, list.getJsonObject("page").getInt("totalCount"));
        assertTrue(list.getJsonObject("link").getString("next").contains("page=1"));

        try (Response taken = platform.call(DEFINITIONS, sandbox).post(Entity.json(Map.of("name", "Gold members",
                "expression", Map.of("value", "loyalty.points > 1"))))) {
            assertEquals(409, taken.getStatus());
        }
        Response broken = platform.call(DEFINITIONS, sandbox).post(Entity.json(Map.of("name", "Broken",
                "expression", Map.of("value", "loyalty.tier = \"gold\"\nand loyalty.points >"))));
        assertEquals(400, broken.getStatus());
        JsonObject problem = json(broken);
        assertTrue(problem.getString("type").endsWith("/pql-invalid"), problem::toString);
        assertEquals(2, problem.getJsonObject("report").getInt("line"));
        assertEquals(21, problem.getJsonObject("report").getInt("column"));
        assertTrue(problem.getString("detail").contains("line 2, column 21"), problem::toString);
        for (Object bad : List.of(Map.of("expression", Map.of("value", "a = 1")), Map.of("name", "No expression"),
                Map.of("name", "ARL", "expression", Map.of("type", "ARL", "value", "a = 1")),
                Map.of("name", "TTL", "expression", Map.of("value", "a = 1"), "ttlInDays", 0))) {
            try (Response refused = platform.call(DEFINITIONS, sandbox).post(Entity.json(bad))) {
                assertEquals(400, refused.getStatus(), bad::toString);
            }
        }

        JsonObject changed = ok(platform.call(DEFINITIONS + "/" + id, sandbox).method("PATCH",
                Entity.json(Map.of("name", "Gold and platinum", "expression",
                        Map.of("value", "loyalty.tier in [\"gold\", \"platinum\"]")))));
        assertEquals("Gold and platinum", changed.getString("name"));
        assertEquals(2, changed.getInt("version"));
        assertEquals("for a test", changed.getString("description"), "fields not given stay");

        String other = platform.createSandbox(Platform.unique("segother"));
        try {
            try (Response elsewhere = platform.call(DEFINITIONS + "/" + id, other).get()) {
                assertEquals(404, elsewhere.getStatus(), "a segment belongs to its sandbox");
            }
            assertEquals(0, ok(platform.call(DEFINITIONS, other).get()).getJsonArray("segments").size());
            try (Response elsewhere = platform.call(DEFINITIONS + "/" + id, other).delete()) {
                assertEquals(404, elsewhere.getStatus());
            }
        } finally {
            platform.deleteSandbox(other);
        }

        JsonObject deleted = ok(platform.call(DEFINITIONS + "/" + id, sandbox).delete());
        assertTrue(deleted.getBoolean("status"));
        try (Response gone = platform.call(DEFINITIONS + "/" + id, sandbox).get()) {
            assertEquals(404, gone.getStatus());
        }
    }

    @Test
    void aPreviewCountsAndSamplesBeforeAnythingIsSaved() throws InterruptedException {
        person("ana@example.com", "gold", 1500, "2026-11-01T00:00:00Z");
        person("ben@example.com", "gold", 200, "2026-11-01T00:00:00Z");
        person("cho@example.com", "silver", 900, "2026-11-01T00:00:00Z");
        JsonObject estimate = estimate("loyalty.tier = \"gold\"");
        assertEquals(2, estimate.getInt("estimatedSize"));
        assertEquals(3, estimate.getInt("totalRows"));
        assertEquals(3, estimate.getInt("profilesReadSoFar"));
        assertEquals(1, estimate(" loyalty.tier = \"gold\" and loyalty.points >= 1000").getInt("estimatedSize"));
        assertEquals(3, estimate("loyalty.points < 1000 or person.name.firstName.startsWith(\"an\")")
                .getInt("estimatedSize"));

        String previewUrl = estimate.getJsonObject("_links").getString("preview");
        JsonObject results = ok(platform.call(previewUrl.substring(1), sandbox).get());
        assertEquals(2, results.getJsonArray("results").size());
        assertTrue(results.getJsonArray("results").getJsonObject(0).getString("_href").contains("entityId="));

        try (Response broken = platform.call("data/core/ups/preview", sandbox).post(Entity.json(
                Map.of("predicateExpression", "loyalty.tier = ")))) {
            assertEquals(400, broken.getStatus());
        }
        String other = platform.createSandbox(Platform.unique("prevother"));
        try (Response elsewhere = platform.call(previewUrl.substring(1).replace("preview", "estimate"), other).get()) {
            assertEquals(404, elsewhere.getStatus(), "a preview belongs to its sandbox");
        } finally {
            platform.deleteSandbox(other);
        }
        assertEquals(0, ok(platform.call(DEFINITIONS, sandbox).get()).getJsonArray("segments").size());
    }

    @Test
    void jobsRecordWhoEnteredStayedAndLeft() throws InterruptedException {
        person("dan@example.com", "gold", 100, "2026-11-01T00:00:00Z");
        person("eve@example.com", "gold", 100, "2026-11-01T00:00:00Z");
        person("fay@example.com", "silver", 100, "2026-11-01T00:00:00Z");
        purchase("fay@example.com", "2026-11-02T00:00:00Z");
        purchase("fay@example.com", "2026-11-03T00:00:00Z");
        purchase("dan@example.com", "2026-11-03T00:00:00Z");
        String gold = define("Gold", "loyalty.tier = \"gold\"").getString("id");
        String buyers = define("Two purchases", "count(events where eventType = \"commerce.purchases\") >= 2")
                .getString("id");

        JsonObject first = evaluate(gold, buyers);
        JsonObject metrics = first.getJsonObject("metrics");
        assertEquals(3, metrics.getInt("totalProfiles"));
        assertEquals(2, metrics.getJsonObject("segmentedProfileCounter").getInt(gold));
        assertEquals(1, metrics.getJsonObject("segmentedProfileCounter").getInt(buyers));
        assertEquals(2, metrics.getJsonObject("segmentedProfileByStatusCounter").getJsonObject(gold).getInt("realized"));
        assertEquals("api", first.getString("trigger"));
        assertEquals(2, first.getJsonArray("segments").size());
        JsonObject evaluated = ok(platform.call(DEFINITIONS + "/" + gold, sandbox).get()).getJsonObject("metrics");
        assertEquals(2, evaluated.getInt("memberCount"));
        assertEquals(first.getString("id"), evaluated.getString("jobId"));

        person("eve@example.com", "silver", 100, "2026-11-05T00:00:00Z");
        person("gus@example.com", "gold", 100, "2026-11-05T00:00:00Z");
        JsonObject second = evaluate("*");
        JsonObject byStatus = second.getJsonObject("metrics").getJsonObject("segmentedProfileByStatusCounter")
                .getJsonObject(gold);
        assertEquals(Map.of("realized", 1, "existing", 1, "exited", 1), Map.of("realized", byStatus.getInt("realized"),
                "existing", byStatus.getInt("existing"), "exited", byStatus.getInt("exited")), byStatus::toString);
        evaluated = ok(platform.call(DEFINITIONS + "/" + gold, sandbox).get()).getJsonObject("metrics");
        assertEquals(2, evaluated.getInt("memberCount"));
        assertEquals(1, evaluated.getInt("exited"));

        assertEquals("existing", membership("dan@example.com", gold).getString("status"));
        assertEquals("exited", membership("eve@example.com", gold).getString("status"));
        JsonObject gus = membership("gus@example.com", gold);
        assertEquals("realized", gus.getString("status"));
        assertFalse(gus.getString("lastQualificationTime").isBlank());

        // A record that joins dan and fay merges them: fay's membership moves to the profile that stays.
        ok(platform.call(INGEST, sandbox).post(Entity.json("{\"identityMap\": {\"email\": [{\"id\": "
                + "\"dan@example.com\"}, {\"id\": \"fay@example.com\"}]}}")));
        assertEquals("existing", membership("fay@example.com", buyers).getString("status"));
        assertEquals("existing", membership("dan@example.com", gold).getString("status"));

        JsonObject list = ok(platform.call(JOBS + "?limit=1", sandbox).get());
        assertEquals(2, list.getJsonObject("_page").getInt("totalCount"));
        assertEquals(second.getString("id"), list.getJsonArray("children").getJsonObject(0).getString("id"));
        assertTrue(list.getJsonObject("_links").getJsonObject("next").getString("href").contains("start=1"));
        assertEquals(1, ok(platform.call(JOBS + "?status=SUCCEEDED&start=1", sandbox).get())
                .getJsonArray("children").size());

        try (Response finished = platform.call(JOBS + "/" + second.getString("id"), sandbox).delete()) {
            assertEquals(409, finished.getStatus());
        }
        for (Object bad : List.of(List.of(), List.of(Map.of("segmentId", "nope")), List.of(Map.of("other", "x")))) {
            try (Response refused = platform.call(JOBS, sandbox).post(Entity.json(bad))) {
                assertEquals(400, refused.getStatus(), bad::toString);
            }
        }
        try (Response status = platform.call(JOBS + "?status=DONE", sandbox).get()) {
            assertEquals(400, status.getStatus());
        }
        String other = platform.createSandbox(Platform.unique("jobother"));
        try {
            try (Response elsewhere = platform.call(JOBS + "/" + second.getString("id"), other).get()) {
                assertEquals(404, elsewhere.getStatus(), "a job belongs to its sandbox");
            }
            try (Response none = platform.call(JOBS, other).post(Entity.json(List.of(Map.of("segmentId", "*"))))) {
                assertEquals(400, none.getStatus(), "no segments there");
            }
            try (Response foreign = platform.call(JOBS, other).post(Entity.json(List.of(Map.of("segmentId", gold))))) {
                assertEquals(400, foreign.getStatus(), "another sandbox's segment is unknown here");
            }
        } finally {
            platform.deleteSandbox(other);
        }
    }
}
