package dev.cdpconsole.admin.console;

import java.util.Map;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every error answer of the platform into a {@link PlatformException}; a 401 also drops the cached token. */
public class PlatformErrorMapper implements ResponseExceptionMapper<PlatformException> {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    @SuppressWarnings("unchecked")
    public PlatformException toThrowable(Response response) {
        if (response.getStatus() == 401) {
            CDI.current().select(ConsoleTokenSource.class).get().invalidate();
        }
        Map<String, Object> body = Map.of();
        try {
            if (response.hasEntity()) {
                String text = response.readEntity(String.class);
                if (text != null && text.strip().startsWith("{")) {
                    body = JSON.fromJson(text, Map.class);
                }
            }
        } catch (JsonbException | IllegalStateException unreadable) {
            body = Map.of();
        }
        Object detail = body.containsKey("detail") ? body.get("detail") : body.get("message");
        Object report = body.get("report");
        return new PlatformException(response.getStatus(), (String) body.get("type"),
                detail == null ? null : detail.toString(), report instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }
}
