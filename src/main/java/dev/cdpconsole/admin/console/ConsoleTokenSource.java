package dev.cdpconsole.admin.console;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.api.AccessToken;
import dev.cdpconsole.api.TokenApi;
import dev.cdpconsole.common.security.ServerCredentials;

/**
 * The console's bearer token: fetched from the token endpoint with the console's own credential and reused
 * until a minute before it expires (or until the platform refuses it).
 */
@ApplicationScoped
public class ConsoleTokenSource {

    @Inject
    PlatformClients clients;

    @Inject
    ServerCredentials credentials;

    @Inject
    Clock clock;

    private String token;
    private Instant renewAt = Instant.MIN;

    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            AccessToken fresh = clients.get(TokenClient.class, TokenApi.PATH)
                    .token("client_credentials", clientId(), credentials.console().secret(), null);
            token = fresh.access_token();
            renewAt = clock.instant().plusSeconds(Math.max(0, fresh.expires_in() - 60));
        }
        return token;
    }

    public String clientId() {
        return credentials.console().clientId();
    }

    public synchronized void invalidate() {
        token = null;
    }
}
