package dev.cdpconsole.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform API over HTTP on a real Payara Micro: tokens, the header checks, every sandbox endpoint and error. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformApiIT {

    private static final String SANDBOXES = Platform.SANDBOXES;

    @ArquillianResource
    URL base;

    Platform platform;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void connect() {
        base = Deployments.application(base);
        platform = new Platform(base);
    }

    @AfterEach
    void disconnect() {
        platform.close();
    }

    private static JsonObject json(Response response) {
        try (response) {
            return response.readEntity(JsonObject.class);
        }
    }

    private static void assertProblem(Response response, int status, String typeEnd) {
        assertEquals(status, response.getStatus());
        JsonObject problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("type").endsWith("/" + typeEnd), problem.toString());
        assertFalse(problem.getString("title").isBlank());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(problem.toString().contains("at dev.cdpconsole"), "no stack trace");
    }

    // --- the token endpoint

    @Test
    void tokenEndpointMintsA24HourBearerToken() {
        JsonObject token = json(platform.tokenResponse(Map.of("grant_type", "client_credentials",
                "client_id", Platform.CLIENT_ID, "client_secret", Platform.CLIENT_SECRET, "scope", "openid")));
        assertEquals("bearer", token.getString("token_type"));
        assertEquals(86399, token.getInt("expires_in"));
        assertTrue(token.getString("access_token").length() >= 40);
    }

    @Test
    void tokenEndpointRefusesWrongSecretsAndGrants() {
        assertProblem(platform.tokenResponse(Map.of("grant_type", "client_credentials",
                "client_id", Platform.CLIENT_ID, "client_secret", "wrong")), 401, "oauth-invalid-client");
        assertProblem(platform.tokenResponse(Map.of("grant_type", "client_credentials",
                "client_id", "nobody", "client_secret", Platform.CLIENT_SECRET)), 401, "oauth-invalid-client");
        assertProblem(platform.tokenResponse(Map.of("grant_type", "password",
                "client_id", Platform.CLIENT_ID, "client_secret", Platform.CLIENT_SECRET)), 400,
                "oauth-unsupported-grant-type");
        assertProblem(platform.tokenResponse(Map.of("grant_type", "client_credentials")), 400, "oauth-invalid-request");
        try (Response json = platform.http.target(platform.base.resolve("ims/token/v3")).request()
                .post(Entity.json("{}"))) {
            assertEquals(415, json.getStatus());
        }
    }

    // --- the headers of every request

    @Test
    void everyPlatformCallNeedsAValidToken() {
        try (Response none = platform.http.target(platform.base.resolve(SANDBOXES)).request().get()) {
            assertEquals(401, none.getStatus());
            JsonObject body = none.readEntity(JsonObject.class);
            assertEquals("401013", body.getString("error_code"));
            assertEquals("Oauth token is not valid", body.getString("message"));
        }
        try (Response bad = platform.http.target(platform.base.resolve(SANDBOXES)).request()
                .header("Authorization", "Bearer not-a-token").header("x-api-key", Platform.CLIENT_ID)
                .header("x-gw-ims-org-id", Platform.ORG_ID).get()) {
            assertEquals(401, bad.getStatus());
        }
        for (String path : List.of("data/foundation/audit/events", "data/foundation/users/admin/verify")) {
            try (Response none = platform.http.target(platform.base.resolve(path)).request().get()) {
                assertEquals(401, none.getStatus(), path);
            }
        }
    }

    @Test
    void wrongApiKeyOrOrganisationIsForbidden() {
        try (Response wrongKey = platform.call(SANDBOXES).header("x-api-key", "someone-else").get()) {
            assertEquals(403, wrongKey.getStatus());
            JsonObject body = wrongKey.readEntity(JsonObject.class);
            assertEquals("403003", body.getString("error_code"));
            assertEquals("Api Key is invalid", body.getString("message"));
        }
        try (Response noOrg = platform.http.target(platform.base.resolve(SANDBOXES)).request()
                .header("Authorization", "Bearer " + platform.token()).header("x-api-key", Platform.CLIENT_ID).get()) {
            assertProblem(noOrg, 403, "org-missing");
        }
        assertProblem(platform.call(SANDBOXES).header("x-gw-ims-org-id", "OTHER@AdobeOrg").get(), 403, "org-invalid");
    }

    @Test
    void unknownOrDeletedSandboxHeaderIs404() {
        assertProblem(platform.call(SANDBOXES, "no-such-sandbox").get(), 404, "sandbox-not-found");
        String name = platform.createSandbox(Platform.unique("gone"));
        try (Response inIt = platform.call(SANDBOXES, name).get()) {
            assertEquals(200, inIt.getStatus());
        }
        platform.deleteSandbox(name);
        assertProblem(platform.call(SANDBOXES, name).get(), 404, "sandbox-not-found");
    }

    // --- sandboxes

    @Test
    void prodExistsFromTheStartAsTheDefault() {
        JsonObject prod = json(platform.call(SANDBOXES + "/prod").get());
        assertEquals("prod", prod.getString("name"));
        assertEquals("production", prod.getString("type"));
        assertEquals("active", prod.getString("state"));
        assertTrue(prod.getBoolean("isDefault"));
        for (String field : List.of("title", "createdDate", "lastModifiedDate", "createdBy", "lastModifiedBy")) {
            assertFalse(prod.getString(field).isBlank(), field);
        }
        assertTrue(prod.getJsonNumber("eTag").longValue() >= 1);
    }

    @Test
    void createReadAndListWithPaging() {
        String first = platform.createSandbox(Platform.unique("page-a"));
        String second = platform.createSandbox(Platform.unique("page-b"));
        try {
            JsonObject created = json(platform.call(SANDBOXES + "/" + first).get());
            assertEquals("Test " + first, created.getString("title"));
            assertEquals("development", created.getString("type"));
            assertEquals(Platform.CLIENT_ID, created.getString("createdBy"));
            assertFalse(created.getBoolean("isDefault"));

            List<String> seen = new ArrayList<>();
            String next = SANDBOXES + "?limit=1&offset=0";
            int pages = 0;
            while (next != null && pages++ < 200) {
                JsonObject page = json(platform.call(next).get());
                assertEquals(1, page.getJsonObject("_page").getInt("limit"));
                assertEquals(page.getJsonArray("sandboxes").size(), page.getJsonObject("_page").getInt("count"));
                page.getJsonArray("sandboxes").forEach(s -> seen.add(s.asJsonObject().getString("name")));
                JsonObject links = page.getJsonObject("_links");
                next = links.containsKey("next")
                        ? platform.base.relativize(java.net.URI.create(links.getJsonObject("next").getString("href"))).toString()
                        : null;
            }
            assertTrue(seen.containsAll(List.of("prod", first, second)), seen.toString());
            assertEquals(seen.size(), seen.stream().distinct().count(), "no sandbox twice across pages");
        } finally {
            platform.deleteSandbox(first);
            platform.deleteSandbox(second);
        }
    }

    @Test
    void badPagingIs400() {
        assertProblem(platform.call(SANDBOXES + "?limit=abc").get(), 400, "limit-invalid");
        assertProblem(platform.call(SANDBOXES + "?limit=0").get(), 400, "limit-out-of-range");
        assertProblem(platform.call(SANDBOXES + "?limit=1000").get(), 400, "limit-out-of-range");
        assertProblem(platform.call(SANDBOXES + "?offset=-1").get(), 400, "offset-out-of-range");
    }

    @Test
    void invalidSandboxNamesAreRefusedNamingTheRule() {
        for (String name : List.of("Dev", "1dev", "dev_2", "-dev", "dev 2", "x".repeat(65), "")) {
            Response answer = platform.call(SANDBOXES).post(Entity.json(Map.of("name", name, "title", "T",
                    "type", "development")));
            assertEquals(400, answer.getStatus(), name);
            JsonObject problem = json(answer);
            assertTrue(problem.getJsonObject("report").getJsonObject("fields").containsKey("name"), name);
            if (!name.isEmpty() && name.length() <= 64) {
                assertTrue(problem.getString("detail").contains("lower-case letters, digits and hyphens"), name);
            }
        }
        JsonObject problem = json(platform.call(SANDBOXES).post(Entity.json(Map.of("name", "ok-name", "type", "test"))));
        assertTrue(problem.getJsonObject("report").getJsonObject("fields").containsKey("title"));
        assertTrue(problem.getJsonObject("report").getJsonObject("fields").containsKey("type"));
    }

    @Test
    void duplicateNameIs409() {
        String name = platform.createSandbox(Platform.unique("dup"));
        try {
            assertProblem(platform.call(SANDBOXES).post(Entity.json(Map.of("name", name, "title", "Again",
                    "type", "development"))), 409, "sandbox-exists");
        } finally {
            platform.deleteSandbox(name);
        }
        // A deleted sandbox's name stays taken.
        assertProblem(platform.call(SANDBOXES).post(Entity.json(Map.of("name", name, "title", "Again",
                "type", "development"))), 409, "sandbox-exists");
    }

    @Test
    void theSandboxLimitHoldsAndNamesIt() {
        // The test run sets CDP_SANDBOX_LIMIT=12; deleted sandboxes do not count.
        List<String> made = new ArrayList<>();
        try {
            Response answer;
            int guard = 0;
            while ((answer = platform.call(SANDBOXES).post(Entity.json(Map.of("name", Platform.unique("lim"),
                    "title", "Limit", "type", "development")))).getStatus() == 200 && guard++ < 20) {
                made.add(json(answer).getString("name"));
            }
            assertTrue(guard < 20, "the limit was never reached");
            assertEquals(409, answer.getStatus());
            JsonObject problem = json(answer);
            assertTrue(problem.getString("type").endsWith("/sandbox-limit"));
            assertEquals(12, problem.getJsonObject("report").getInt("limit"));
            assertTrue(problem.getString("detail").contains("12"));
        } finally {
            made.forEach(platform::deleteSandbox);
        }
        platform.deleteSandbox(platform.createSandbox(Platform.unique("after")));
    }

    @Test
    void patchChangesOnlyTheTitle() {
        String name = platform.createSandbox(Platform.unique("title"));
        try {
            JsonObject before = json(platform.call(SANDBOXES + "/" + name).get());
            JsonObject after = json(platform.call(SANDBOXES + "/" + name).method("PATCH",
                    Entity.json(Map.of("title", "Renamed", "name", "ignored", "type", "production"))));
            assertEquals("Renamed", after.getString("title"));
            assertEquals(name, after.getString("name"));
            assertEquals("development", after.getString("type"));
            assertNotEquals(before.getJsonNumber("eTag").longValue(), after.getJsonNumber("eTag").longValue());
            assertEquals("Renamed", json(platform.call(SANDBOXES + "/" + name).get()).getString("title"));
            assertProblem(platform.call(SANDBOXES + "/" + name).method("PATCH", Entity.json(Map.of("title", " "))),
                    400, "validation-failed");
        } finally {
            platform.deleteSandbox(name);
        }
        assertProblem(platform.call(SANDBOXES + "/" + name).method("PATCH", Entity.json(Map.of("title", "X"))),
                409, "sandbox-deleted");
        assertProblem(platform.call(SANDBOXES + "/no-such").method("PATCH", Entity.json(Map.of("title", "X"))),
                404, "sandbox-not-found");
    }

    @Test
    void resetReportsFirstAndThenResets() {
        String name = platform.createSandbox(Platform.unique("reset"));
        try {
            JsonObject preview = json(platform.call(SANDBOXES + "/" + name + "?validationOnly=true")
                    .put(Entity.json(Map.of("action", "reset"))));
            assertEquals("reset", preview.getString("action"));
            assertTrue(preview.getBoolean("validationOnly"));
            assertTrue(preview.containsKey("items"));
            assertTrue(preview.getJsonArray("warnings").isEmpty());
            long eTag = json(platform.call(SANDBOXES + "/" + name).get()).getJsonNumber("eTag").longValue();
            assertEquals(eTag, preview.getJsonObject("sandbox").getJsonNumber("eTag").longValue(), "nothing changed");

            JsonObject done = json(platform.call(SANDBOXES + "/" + name).put(Entity.json(Map.of("action", "reset"))));
            assertFalse(done.getBoolean("validationOnly"));
            assertEquals("active", done.getJsonObject("sandbox").getString("state"));
            assertTrue(done.getJsonObject("sandbox").getJsonNumber("eTag").longValue() > eTag);

            assertProblem(platform.call(SANDBOXES + "/" + name).put(Entity.json(Map.of("action", "explode"))), 400,
                    "validation-failed");
        } finally {
            platform.deleteSandbox(name);
        }
    }

    @Test
    void resettingAProductionSandboxNeedsIgnoreWarnings() {
        JsonObject preview = json(platform.call(SANDBOXES + "/prod?validationOnly=true")
                .put(Entity.json(Map.of("action", "reset"))));
        assertFalse(preview.getJsonArray("warnings").isEmpty());
        Response refused = platform.call(SANDBOXES + "/prod").put(Entity.json(Map.of("action", "reset")));
        assertEquals(409, refused.getStatus());
        JsonObject problem = json(refused);
        assertTrue(problem.getString("type").endsWith("/sandbox-warnings"));
        assertTrue(problem.getJsonObject("report").containsKey("impact"));
        JsonObject done = json(platform.call(SANDBOXES + "/prod?ignoreWarnings=true")
                .put(Entity.json(Map.of("action", "reset"))));
        assertEquals("active", done.getJsonObject("sandbox").getString("state"));
    }

    @Test
    void deleteMarksDeletedAndTheSandboxStaysReadable() {
        String name = platform.createSandbox(Platform.unique("del"));
        JsonObject preview = json(platform.call(SANDBOXES + "/" + name + "?validationOnly=true").delete());
        assertEquals("delete", preview.getString("action"));
        assertTrue(preview.getBoolean("validationOnly"));
        assertEquals("active", json(platform.call(SANDBOXES + "/" + name).get()).getString("state"));

        JsonObject done = json(platform.call(SANDBOXES + "/" + name).delete());
        assertEquals("deleted", done.getJsonObject("sandbox").getString("state"));
        JsonObject read = json(platform.call(SANDBOXES + "/" + name).get());
        assertEquals("deleted", read.getString("state"));
        assertEquals(Platform.CLIENT_ID, read.getString("lastModifiedBy"));
        assertProblem(platform.call(SANDBOXES + "/" + name).delete(), 409, "sandbox-deleted");
        assertProblem(platform.call(SANDBOXES + "/" + name).put(Entity.json(Map.of("action", "reset"))), 409,
                "sandbox-deleted");
    }

    @Test
    void prodCanNeverBeDeleted() {
        for (String query : List.of("", "?ignoreWarnings=true", "?validationOnly=true")) {
            Response answer = platform.call(SANDBOXES + "/prod" + query).delete();
            assertEquals(409, answer.getStatus(), query);
            JsonObject problem = json(answer);
            assertTrue(problem.getString("detail").contains("can never be deleted"), query);
        }
        assertEquals("active", json(platform.call(SANDBOXES + "/prod").get()).getString("state"));
    }

    @Test
    void unknownSandboxIs404Everywhere() {
        assertProblem(platform.call(SANDBOXES + "/no-such").get(), 404, "sandbox-not-found");
        assertProblem(platform.call(SANDBOXES + "/no-such").delete(), 404, "sandbox-not-found");
        assertProblem(platform.call(SANDBOXES + "/no-such").put(Entity.json(Map.of("action", "reset"))), 404,
                "sandbox-not-found");
    }

    @Test
    void badBodiesAreClear4xx() {
        assertProblem(platform.call(SANDBOXES).post(Entity.entity("{\"name\": ", MediaType.APPLICATION_JSON)), 400,
                "malformed-json");
        assertProblem(platform.call(SANDBOXES).post(Entity.entity("[1,2]", MediaType.APPLICATION_JSON)), 400,
                "malformed-json");
        assertProblem(platform.call(SANDBOXES).post(Entity.entity("name=x", MediaType.TEXT_PLAIN)), 415,
                "unsupported-media-type");
        assertProblem(platform.call(SANDBOXES).post(Entity.entity("", MediaType.APPLICATION_JSON)), 400,
                "malformed-json");
        assertProblem(platform.call(SANDBOXES).post(Entity.entity("null", MediaType.APPLICATION_JSON)), 400,
                "validation-failed");
        assertProblem(platform.call(SANDBOXES).post(Entity.json(Map.of("name", 42, "title", List.of(), "type", 1))),
                400, "malformed-json");
        try (Response wrongMethod = platform.call(SANDBOXES + "/prod").post(Entity.json("{}"))) {
            assertEquals(405, wrongMethod.getStatus());
        }
        assertProblem(platform.call("data/no/such/path").get(), 404, "http-404");
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        String name = platform.createSandbox(Platform.unique("audit"));
        platform.call(SANDBOXES + "/" + name).method("PATCH", Entity.json(Map.of("title", "Audited"))).close();
        platform.deleteSandbox(name);
        JsonObject events = json(platform.call("data/foundation/audit/events?sandbox=" + name).get());
        List<String> actions = events.getJsonArray("events").stream()
                .map(e -> e.asJsonObject().getString("action")).toList();
        assertEquals(List.of("sandbox.delete", "sandbox.rename", "sandbox.create"), actions);
        JsonObject create = events.getJsonArray("events").getJsonObject(2);
        assertEquals(Platform.CLIENT_ID, create.getString("actor"));
        assertEquals(name, create.getString("target"));
        assertFalse(create.getString("timestamp").isBlank());

        JsonObject renames = json(platform.call("data/foundation/audit/events?action=sandbox.ren&sandbox=" + name).get());
        assertEquals(1, renames.getJsonArray("events").size());
        JsonObject page = json(platform.call("data/foundation/audit/events?limit=1").get());
        assertEquals(1, page.getJsonArray("events").size());
        assertTrue(page.getJsonObject("_links").containsKey("next"));
    }

    @Test
    void consolePasswordCheckAnswersTheSameForUnknownUsers() {
        JsonObject right = json(platform.call("data/foundation/users/admin/verify")
                .post(Entity.json(Map.of("password", "it-admin-password"))));
        assertTrue(right.getBoolean("valid"));
        assertEquals(List.of("ADMIN"), right.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(json(platform.call("data/foundation/users/admin/verify")
                .post(Entity.json(Map.of("password", "wrong")))).getBoolean("valid"));
        assertFalse(json(platform.call("data/foundation/users/nobody/verify")
                .post(Entity.json(Map.of("password", "it-admin-password")))).getBoolean("valid"));
    }

    /** The database of the server under test, as the build hands it over: H2 unless {@code DB_URL} names another. */
    private static String databaseUrl() {
        return System.getenv().getOrDefault("DB_URL", "jdbc:h2:");
    }

    private static boolean onPostgres() {
        return databaseUrl().startsWith("jdbc:postgresql:");
    }

    /** On PostgreSQL its own migrations ran too: large text is kept in lz4 where the server's build has it. */
    @Test
    void postgresqlKeepsLargeTextInLz4() throws SQLException {
        Assumptions.assumeTrue(onPostgres(), "runs on H2, which has no such setting");
        try (Connection db = DriverManager.getConnection(databaseUrl(), System.getenv("DB_USER"),
                System.getenv("DB_PASSWORD"));
                Statement statement = db.createStatement()) {
            boolean lz4;
            try (ResultSet row = statement.executeQuery("SELECT 'lz4' = ANY (enumvals) FROM pg_settings "
                    + "WHERE name = 'default_toast_compression'")) {
                lz4 = row.next() && row.getBoolean(1);
            }
            Map<String, String> compression = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT c.relname || '.' || a.attname, a.attcompression "
                    + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE a.attcompression <> ''")) {
                while (rows.next()) {
                    compression.put(rows.getString(1), rows.getString(2));
                }
            }
            assertEquals(lz4 ? Map.of("experience_event.body", "l", "ingest_batch_part.lines", "l",
                    "profile.entity", "l", "profile.field_times", "l", "profile_fragment.body", "l") : Map.of(),
                    compression);
        }
    }

    @Test
    void healthAndOpenApi() {
        URL server = base;
        String root = server.getProtocol() + "://" + server.getHost() + ":" + server.getPort() + "/";
        // MicroProfile Health is on the HTTP port on Payara Micro, on the management port (9990) on WildFly
        String health = System.getProperty("cdp.test.health.root", "").isBlank() ? root
                : System.getProperty("cdp.test.health.root");
        try (Response ready = platform.http.target(health + "health/ready").request().get()) {
            String body = ready.readEntity(String.class);
            assertEquals(200, ready.getStatus(), body);
            assertTrue(body.contains("\"database\""), body);
            assertTrue(body.contains("UP"), body);
            assertTrue(body.contains(onPostgres() ? "PostgreSQL" : "H2"), "runs on " + databaseUrl() + ": " + body);
        }
        try (Response openapi = platform.http.target(root + "openapi").request().get()) {
            assertEquals(200, openapi.getStatus());
            String document = openapi.readEntity(String.class);
            for (String path : List.of("/ims/token/v3:", "/data/foundation/sandbox-management/sandboxes:",
                    "/data/foundation/sandbox-management/sandboxes/{name}:", "/data/foundation/audit/events:",
                    "/data/foundation/users/{login}/verify:", "/data/foundation/users:",
                    "/data/foundation/users/{login}:", "/data/foundation/credentials:",
                    "/data/foundation/credentials/{clientId}:",
                    "/data/foundation/credentials/{clientId}/secrets/{slot}/regenerate:",
                    "/data/foundation/credentials/{clientId}/secrets/{slot}/revoke:",
                    "/data/foundation/credentials/{clientId}/history:", "/data/foundation/credentials/{clientId}/usage:",
                    "Credential:", "RegenerationRequest:", "CredentialUsage:", "/data/core/ups/access/entities:",
                    "/data/core/ups/ingest/records:", "/data/core/ups/ingest/batches:",
                    "/data/core/ups/ingest/batches/{batchId}:", "/data/core/ups/search/profiles:", "ProfileHits:",
                    "/data/core/ups/system/jobs:", "/data/core/ups/system/jobs/{id}:", "ProfileSystemJob:",
                    "/data/core/ups/segment/definitions:", "/data/core/ups/segment/definitions/{segmentId}:",
                    "/data/core/ups/segment/jobs:", "/data/core/ups/segment/jobs/{segmentJobId}:",
                    "/data/core/ups/preview:", "/data/core/ups/preview/{previewId}:",
                    "/data/core/ups/estimate/{previewId}:", "SegmentDefinition:", "SegmentJob:", "EstimateResponse:",
                    "/data/foundation/destinations:", "/data/foundation/destinations/{destinationId}:",
                    "/data/foundation/flowservice/flows:", "/data/foundation/flowservice/flows/{flowId}:",
                    "/data/foundation/flowservice/runs:", "/data/foundation/flowservice/runs/{runId}:",
                    "/data/foundation/flowservice/runs/{runId}/retry:", "/data/foundation/flowservice/runs/{runId}/file:",
                    "/data/core/activation/disflowprovider/adhocrun:",
                    "/data/core/activation/disflowprovider/adhocrun/preflight:", "FlowRun:", "AdhocRunOrder:",
                    "Preflight:", "Destination:", "Flow:", "Sandbox:", "NewSandbox:", "ImpactReport:",
                    "Problem:", "AccessToken:", "patch:", "put:", "delete:", "validationOnly", "ignoreWarnings")) {
                assertTrue(document.contains(path), "openapi lacks " + path);
            }
        }
    }
}
