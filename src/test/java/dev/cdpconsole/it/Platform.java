package dev.cdpconsole.it;

import java.net.URI;
import java.net.URL;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.HttpUrlConnectorProvider;

/**
 * A small HTTP client of the platform API for tests: the bootstrap credential of the test run (see the
 * failsafe settings in pom.xml), a token fetched once, and requests with the documented headers.
 */
final class Platform implements AutoCloseable {

    static final String CLIENT_ID = "it-bootstrap-client";
    static final String CLIENT_SECRET = "it-bootstrap-secret-0123456789abcdef";
    static final String ORG_ID = "ITORG0000000000000000000@AdobeOrg";
    static final String SANDBOXES = "data/foundation/sandbox-management/sandboxes";

    final Client http;
    final URI base;
    private String token;

    Platform(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.http = ClientBuilder.newBuilder().property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true).build();
    }

    Response tokenResponse(Map<String, String> fields) {
        Form form = new Form();
        fields.forEach(form::param);
        return http.target(base.resolve("ims/token/v3")).request(MediaType.APPLICATION_JSON)
                .post(Entity.form(form));
    }

    String token() {
        if (token == null) {
            try (Response answer = tokenResponse(Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
                    "client_secret", CLIENT_SECRET))) {
                if (answer.getStatus() != 200) {
                    throw new IllegalStateException("token endpoint answered " + answer.getStatus());
                }
                token = answer.readEntity(JsonObject.class).getString("access_token");
            }
        }
        return token;
    }

    void forgetToken() {
        token = null;
    }

    /** A request with every documented header, in the given sandbox (null: none sent). */
    Invocation.Builder call(String path, String sandbox) {
        Invocation.Builder request = http.target(base.resolve(path)).request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token())
                .header("x-api-key", CLIENT_ID)
                .header("x-gw-ims-org-id", ORG_ID);
        return sandbox == null ? request : request.header("x-sandbox-name", sandbox);
    }

    Invocation.Builder call(String path) {
        return call(path, null);
    }

    /** Creates a development sandbox and returns its name. */
    String createSandbox(String name) {
        try (Response answer = call(SANDBOXES).post(Entity.json(Map.of("name", name, "title", "Test " + name,
                "type", "development")))) {
            if (answer.getStatus() != 200) {
                throw new IllegalStateException("creating " + name + " answered " + answer.getStatus() + ": "
                        + answer.readEntity(String.class));
            }
        }
        return name;
    }

    void deleteSandbox(String name) {
        call(SANDBOXES + "/" + name + "?ignoreWarnings=true").delete().close();
    }

    /**
     * Creates a segment definition of the PQL in the sandbox and evaluates it with a segmentation job, waiting
     * (up to 15 s) until the job has succeeded; returns the segment's id.
     */
    String evaluatedSegment(String sandbox, String name, String pql) throws InterruptedException {
        String id = json(call("data/core/ups/segment/definitions", sandbox).post(Entity.json(Map.of("name", name,
                "expression", Map.of("value", pql))))).getString("id");
        JsonObject job = json(call("data/core/ups/segment/jobs", sandbox).post(Entity.json(
                java.util.List.of(Map.of("segmentId", id)))));
        for (int i = 0; i < 300 && !"SUCCEEDED".equals(job.getString("status")); i++) {
            Thread.sleep(50);
            job = json(call("data/core/ups/segment/jobs/" + job.getString("id"), sandbox).get());
        }
        if (!"SUCCEEDED".equals(job.getString("status"))) {
            throw new IllegalStateException("the segmentation job of " + name + " did not succeed: " + job);
        }
        return id;
    }

    private static JsonObject json(Response answer) {
        try (answer) {
            if (answer.getStatus() != 200) {
                throw new IllegalStateException("answered " + answer.getStatus() + ": " + answer.readEntity(String.class));
            }
            return answer.readEntity(JsonObject.class);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    @Override
    public void close() {
        http.close();
    }
}
