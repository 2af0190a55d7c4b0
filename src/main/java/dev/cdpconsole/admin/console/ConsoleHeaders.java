package dev.cdpconsole.admin.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import dev.cdpconsole.api.ApiHeaders;

/**
 * Adds the headers of CONTRACT.md to every console call: the console's bearer token and client id, the
 * organisation, the sandbox chosen in the switcher (unless the call names one) and the signed-in user.
 */
@ApplicationScoped
public class ConsoleHeaders implements ClientHeadersFactory {

    // Looked up once: both are client proxies of normal-scoped beans, so one reference serves every request. Looking
    // them up on every call cost a console page about 4 % of its time.
    private volatile ConsoleTokenSource tokens;
    private volatile ConsoleCaller caller;
    private volatile String orgId;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        ConsoleTokenSource tokens = tokens();
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>(outgoing);
        headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token());
        headers.putSingle(ApiHeaders.API_KEY, tokens.clientId());
        headers.putSingle(ApiHeaders.ORG_ID, orgId());
        try {
            ConsoleCaller caller = caller();
            if (!headers.containsKey(ApiHeaders.SANDBOX_NAME)) {
                headers.putSingle(ApiHeaders.SANDBOX_NAME, caller.sandbox());
            }
            if (caller.user() != null) {
                headers.putSingle(ApiHeaders.CONSOLE_USER, caller.user());
            }
        } catch (ContextNotActiveException outsideRequest) {
            headers.putIfAbsent(ApiHeaders.SANDBOX_NAME, java.util.List.of(ApiHeaders.DEFAULT_SANDBOX));
        }
        return headers;
    }

    private ConsoleTokenSource tokens() {
        if (tokens == null) {
            tokens = CDI.current().select(ConsoleTokenSource.class).get();
        }
        return tokens;
    }

    private ConsoleCaller caller() {
        if (caller == null) {
            caller = CDI.current().select(ConsoleCaller.class).get();
        }
        return caller;
    }

    private String orgId() {
        if (orgId == null) {
            orgId = ConfigProvider.getConfig().getValue("cdp.org.id", String.class);
        }
        return orgId;
    }
}
