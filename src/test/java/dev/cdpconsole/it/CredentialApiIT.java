package dev.cdpconsole.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
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
 * API credentials over HTTP on a real Payara Micro: the token lifecycle, both slots, regeneration with and
 * without grace (the platform's clock moved forward through the test-only clock endpoint), grants and roles,
 * disabling, the log, usage and brute-force throttling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CredentialApiIT {

    private static final String CREDENTIALS = "data/foundation/credentials";
    private static final String CLOCK = "data/foundation/system/clock";

    @ArquillianResource
    URL base;

    Platform admin;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @BeforeEach
    void connect() {
        base = Deployments.application(base);
        admin = new Platform(base);
    }

    @AfterEach
    void putTheClockBack() {
        moveClock(0);
        admin.close();
    }

    private static JsonObject json(Response response) {
        try (response) {
            return response.readEntity(JsonObject.class);
        }
    }

    /** Moves the platform's clock; a token minted before may be out of its 24 hours there, so a new one is taken. */
    private void moveClock(long offsetSeconds) {
        try (Response moved = admin.call(CLOCK).put(Entity.json(Map.of("offsetSeconds", offsetSeconds)))) {
            assertEquals(200, moved.getStatus());
        }
        admin.forgetToken();
    }

    /** A new credential: its client id and the secrets of both slots. */
    private record Issued(String clientId, String primary, String secondary) {
    }

    private Issued create(String role, String... sandboxes) {
        List<Map<String, String>> grants = java.util.Arrays.stream(sandboxes)
                .map(s -> Map.of("sandbox", s, "role", role)).toList();
        JsonObject issued = json(admin.call(CREDENTIALS).post(Entity.json(Map.of("name", Platform.unique("key"),
                "description", "test", "grants", grants))));
        return new Issued(issued.getJsonObject("credential").getString("clientId"), issued.getString("primarySecret"),
                issued.getString("secondarySecret"));
    }

    private Response tokenFor(String clientId, String secret) {
        return admin.tokenResponse(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private String token(String clientId, String secret) {
        Response answer = tokenFor(clientId, secret);
        assertEquals(200, answer.getStatus(), "a token for " + clientId);
        return json(answer).getString("access_token");
    }

    private Invocation.Builder as(String clientId, String token, String path, String sandbox) {
        Invocation.Builder request = admin.http.target(admin.base.resolve(path)).request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token).header("x-api-key", clientId)
                .header("x-gw-ims-org-id", Platform.ORG_ID);
        return sandbox == null ? request : request.header("x-sandbox-name", sandbox);
    }

    private int statusAs(String clientId, String token, String path) {
        try (Response answer = as(clientId, token, path, null).get()) {
            return answer.getStatus();
        }
    }

    private Response regenerate(String clientId, String slot, String reason, Object grace) {
        return admin.call(CREDENTIALS + "/" + clientId + "/secrets/" + slot + "/regenerate")
                .post(Entity.json(Map.of("reason", reason, "graceHours", grace)));
    }

    @Test
    void theTokenLifecycleAndBothSlots() {
        Issued key = create("read", "prod");
        assertNotEquals(key.primary(), key.secondary());
        assertEquals(43, key.primary().length(), "256 random bits");
        String fromPrimary = token(key.clientId(), key.primary());
        String fromSecondary = token(key.clientId(), key.secondary());
        assertEquals(200, statusAs(key.clientId(), fromPrimary, Platform.SANDBOXES + "/prod"));
        assertEquals(200, statusAs(key.clientId(), fromSecondary, Platform.SANDBOXES + "/prod"));
        try (Response wrong = tokenFor(key.clientId(), key.primary() + "x")) {
            assertEquals(401, wrong.getStatus());
        }
        JsonObject shown = json(admin.call(CREDENTIALS + "/" + key.clientId()).get());
        assertFalse(shown.toString().contains(key.primary()), "a secret is never shown again");
        assertEquals(2, shown.getJsonArray("secrets").size());

        admin.call(CREDENTIALS + "/" + key.clientId()).delete().close();
        assertEquals(401, statusAs(key.clientId(), fromPrimary, Platform.SANDBOXES + "/prod"), "deleted: tokens stop");
        try (Response gone = admin.call(CREDENTIALS + "/" + key.clientId()).get()) {
            assertEquals(404, gone.getStatus());
        }
    }

    @Test
    void regeneratingWithoutGraceStopsTheOldSecretAndItsTokensAtOnce() {
        Issued key = create("read", "prod");
        String oldToken = token(key.clientId(), key.primary());
        String otherSlot = token(key.clientId(), key.secondary());
        JsonObject regenerated = json(regenerate(key.clientId(), "primary", "leaked in a log", 0));
        String fresh = regenerated.getString("secret");
        assertNotEquals(key.primary(), fresh);
        assertEquals(401, statusAs(key.clientId(), oldToken, Platform.SANDBOXES + "/prod"));
        try (Response old = tokenFor(key.clientId(), key.primary())) {
            assertEquals(401, old.getStatus());
        }
        assertEquals(200, statusAs(key.clientId(), token(key.clientId(), fresh), Platform.SANDBOXES + "/prod"));
        assertEquals(200, statusAs(key.clientId(), otherSlot, Platform.SANDBOXES + "/prod"), "the other slot goes on");
    }

    @Test
    void regeneratingWithGraceKeepsBothUntilTheExpiry() {
        Issued key = create("read", "prod");
        String oldToken = token(key.clientId(), key.primary());
        JsonObject regenerated = json(regenerate(key.clientId(), "primary", "quarterly rotation", 2));
        String fresh = regenerated.getString("secret");
        assertNotNull(regenerated.getJsonObject("regeneration").getString("oldSecretExpiresAt"));
        JsonObject view = json(admin.call(CREDENTIALS + "/" + key.clientId()).get());
        assertTrue(view.toString().contains("\"expiring\""), view.toString());
        assertTrue(view.toString().contains("expiring-soon"), view.toString());

        assertEquals(200, statusAs(key.clientId(), oldToken, Platform.SANDBOXES + "/prod"), "old token in grace");
        String oldSecretToken = token(key.clientId(), key.primary());
        String freshToken = token(key.clientId(), fresh);

        moveClock(2 * 3600 - 60);
        assertEquals(200, statusAs(key.clientId(), oldSecretToken, Platform.SANDBOXES + "/prod"), "a minute before");

        moveClock(2 * 3600 + 60);
        assertEquals(401, statusAs(key.clientId(), oldToken, Platform.SANDBOXES + "/prod"), "past the expiry");
        assertEquals(401, statusAs(key.clientId(), oldSecretToken, Platform.SANDBOXES + "/prod"));
        try (Response old = tokenFor(key.clientId(), key.primary())) {
            assertEquals(401, old.getStatus());
        }
        assertEquals(200, statusAs(key.clientId(), freshToken, Platform.SANDBOXES + "/prod"), "only the new one");
    }

    @Test
    void grantsScopeSandboxesAndRolesScopeActions() {
        String other = admin.createSandbox(Platform.unique("ungranted"));
        Issued reader = create("read", "prod");
        String token = token(reader.clientId(), reader.primary());
        try {
            try (Response notGranted = as(reader.clientId(), token, Platform.SANDBOXES, other).get()) {
                assertEquals(404, notGranted.getStatus());
                assertTrue(notGranted.readEntity(String.class).contains("sandbox-not-found"));
            }
            assertEquals(404, statusAs(reader.clientId(), token, Platform.SANDBOXES + "/" + other),
                    "an ungranted sandbox is not even readable by name");
            JsonObject list = json(as(reader.clientId(), token, Platform.SANDBOXES, null).get());
            assertEquals(List.of("prod"), list.getJsonArray("sandboxes").stream()
                    .map(s -> s.asJsonObject().getString("name")).toList(), "only what it is granted");
            try (Response write = as(reader.clientId(), token, Platform.SANDBOXES, null).post(Entity.json(Map.of(
                    "name", Platform.unique("nope"), "title", "x", "type", "development")))) {
                assertEquals(403, write.getStatus());
                assertTrue(write.readEntity(String.class).contains("role-too-weak"));
            }
            assertEquals(403, statusAs(reader.clientId(), token, CREDENTIALS), "credential management needs admin");
            try (Response wrongOrg = as(reader.clientId(), token, Platform.SANDBOXES, null)
                    .header("x-gw-ims-org-id", "SOMEONEELSE@AdobeOrg").get()) {
                assertEquals(403, wrongOrg.getStatus());
            }
        } finally {
            admin.deleteSandbox(other);
        }
    }

    @Test
    void aDisabledCredentialIsRefusedAndCannotBeRegenerated() {
        Issued key = create("read", "prod");
        String token = token(key.clientId(), key.primary());
        JsonObject disabled = json(admin.call(CREDENTIALS + "/" + key.clientId())
                .method("PATCH", Entity.json(Map.of("enabled", false))));
        assertFalse(disabled.getBoolean("enabled"));
        assertEquals(401, statusAs(key.clientId(), token, Platform.SANDBOXES + "/prod"), "its tokens stop at once");
        try (Response refused = tokenFor(key.clientId(), key.primary())) {
            assertEquals(401, refused.getStatus());
        }
        try (Response conflict = regenerate(key.clientId(), "primary", "why not", 0)) {
            assertEquals(409, conflict.getStatus());
            assertTrue(conflict.readEntity(String.class).contains("credential-disabled"));
        }
        admin.call(CREDENTIALS + "/" + key.clientId()).method("PATCH", Entity.json(Map.of("enabled", true))).close();
        assertEquals(200, statusAs(key.clientId(), token(key.clientId(), key.primary()), Platform.SANDBOXES + "/prod"));
    }

    @Test
    void revokingASlotStopsItNow() {
        Issued key = create("read", "prod");
        String token = token(key.clientId(), key.secondary());
        JsonObject revoked = json(admin.call(CREDENTIALS + "/" + key.clientId() + "/secrets/secondary/revoke")
                .post(Entity.json("{}")));
        assertTrue(revoked.toString().contains("\"revoked\""));
        assertEquals(401, statusAs(key.clientId(), token, Platform.SANDBOXES + "/prod"));
        assertEquals(200, statusAs(key.clientId(), token(key.clientId(), key.primary()), Platform.SANDBOXES + "/prod"));
    }

    @Test
    void badRegenerationsAreClear4xx() {
        Issued key = create("read", "prod");
        try (Response range = regenerate(key.clientId(), "primary", "x", 169)) {
            assertEquals(400, range.getStatus());
            assertTrue(range.readEntity(String.class).contains("between 0 and 168"));
        }
        try (Response negative = regenerate(key.clientId(), "primary", "x", -1)) {
            assertEquals(400, negative.getStatus());
        }
        try (Response longReason = regenerate(key.clientId(), "primary", "x".repeat(501), 0)) {
            assertEquals(400, longReason.getStatus());
            assertTrue(longReason.readEntity(String.class).contains("500"));
        }
        try (Response noReason = regenerate(key.clientId(), "primary", " ", 0)) {
            assertEquals(400, noReason.getStatus());
        }
        try (Response slot = regenerate(key.clientId(), "tertiary", "x", 0)) {
            assertEquals(404, slot.getStatus());
            assertTrue(slot.readEntity(String.class).contains("slot-not-found"));
        }
        try (Response unknown = regenerate("cdp-no-such-key", "primary", "x", 0)) {
            assertEquals(404, unknown.getStatus());
            assertTrue(unknown.readEntity(String.class).contains("credential-not-found"));
        }
        try (Response text = regenerate(key.clientId(), "primary", "x", "soon")) {
            assertEquals(400, text.getStatus());
        }
        try (Response badGrant = admin.call(CREDENTIALS).post(Entity.json(Map.of("name", "x",
                "grants", List.of(Map.of("sandbox", "no-such-sandbox", "role", "read")))))) {
            assertEquals(400, badGrant.getStatus());
        }
        try (Response badRole = admin.call(CREDENTIALS).post(Entity.json(Map.of("name", "x",
                "grants", List.of(Map.of("sandbox", "prod", "role", "owner")))))) {
            assertEquals(400, badRole.getStatus());
        }
        try (Response managed = regenerate(Platform.CLIENT_ID, "primary", "x", 0)) {
            assertEquals(409, managed.getStatus(), "the bootstrap credential belongs to the settings");
        }
    }

    @Test
    void theLogAndUsageAreRecorded() throws InterruptedException {
        Issued key = create("read", "prod");
        String token = token(key.clientId(), key.primary());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, statusAs(key.clientId(), token, Platform.SANDBOXES + "/prod"));
        }
        regenerate(key.clientId(), "secondary", "moving the mail service", 24).close();
        JsonObject history = json(admin.call(CREDENTIALS + "/" + key.clientId() + "/history").get());
        JsonObject entry = history.getJsonArray("regenerations").getJsonObject(0);
        assertEquals("secondary", entry.getString("slot"));
        assertEquals(Platform.CLIENT_ID, entry.getString("actor"));
        assertEquals("moving the mail service", entry.getString("reason"));
        assertEquals(24, entry.getInt("graceHours"));
        assertNotNull(entry.getString("oldSecretExpiresAt"));

        Thread.sleep(3000); // the test run flushes usage every 2 s: the figures must survive the write
        JsonObject usage = json(admin.call(CREDENTIALS + "/" + key.clientId() + "/usage?days=7").get());
        assertEquals(7, usage.getJsonArray("daily").size());
        long today = usage.getJsonArray("daily").getJsonObject(6).getJsonNumber("calls").longValue();
        assertEquals(4, today, "one token request and three calls");
        JsonObject primary = usage.getJsonArray("secrets").stream().map(v -> v.asJsonObject())
                .filter(s -> s.getString("slot").equals("primary")).findFirst().orElseThrow();
        assertEquals(4, primary.getJsonNumber("useCount").longValue());
        assertNotNull(primary.getString("lastUsedAt"));
        try (Response badDays = admin.call(CREDENTIALS + "/" + key.clientId() + "/usage?days=0").get()) {
            assertEquals(400, badDays.getStatus());
        }
        JsonObject audit = json(admin.call("data/foundation/audit/events?action=credential.regenerate").get());
        assertTrue(audit.toString().contains(key.clientId()));
    }

    @Test
    void ageAndIdleFlagsFollowTheClock() {
        Issued key = create("read", "prod");
        moveClock(31L * 24 * 3600);
        JsonObject idle = json(admin.call(CREDENTIALS + "/" + key.clientId()).get());
        assertTrue(idle.toString().contains("\"idle\""), idle.toString());
        assertFalse(idle.toString().contains("too-old"));
        moveClock(91L * 24 * 3600);
        JsonObject old = json(admin.call(CREDENTIALS + "/" + key.clientId()).get());
        assertTrue(old.toString().contains("too-old"), old.toString());
    }

    @Test
    void repeatedFailedTokenRequestsAreRefusedWith429() {
        Issued key = create("read", "prod");
        int status = 0;
        int attempts = 0;
        Response answer = null;
        while (attempts++ < 15) {
            answer = tokenFor(key.clientId(), "wrong-" + attempts);
            status = answer.getStatus();
            if (status == 429) {
                break;
            }
            answer.close();
        }
        assertEquals(429, status, "refused after repeated failures");
        assertTrue(attempts <= 11, "within the maximum of 10 failures: " + attempts);
        String retryAfter = answer.getHeaderString("Retry-After");
        answer.close();
        assertTrue(Long.parseLong(retryAfter) > 0, retryAfter);
        try (Response evenRight = tokenFor(key.clientId(), key.primary())) {
            assertEquals(429, evenRight.getStatus(), "locked out, even with the right secret");
        }
        moveClock(301);
        assertNotNull(token(key.clientId(), key.primary()), "the lockout passes");
    }
}
