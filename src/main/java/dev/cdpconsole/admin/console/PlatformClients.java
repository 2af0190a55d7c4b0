package dev.cdpconsole.admin.console;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the console's MicroProfile Rest Clients, one per interface, against {@code cdp.platform.url} or,
 * when that is unset, against this same server (learned from the first console request).
 */
@ApplicationScoped
public class PlatformClients {

    @Inject
    @ConfigProperty(name = "cdp.platform.url")
    Optional<String> configuredUrl;

    @Inject
    @ConfigProperty(name = "cdp.platform.connect-timeout-ms", defaultValue = "5000")
    long connectTimeout;

    @Inject
    @ConfigProperty(name = "cdp.platform.read-timeout-ms", defaultValue = "30000")
    long readTimeout;

    static final String JERSEY_PATCH_WORKAROUND = "jersey.config.client.httpUrlConnection.setMethodWorkaround";

    private final Map<Class<?>, Object> clients = new ConcurrentHashMap<>();
    private volatile URI base;

    /**
     * The client of a platform interface, whose base is the interface's path ({@code PATH} of its api
     * interface) under the platform URL. Interfaces carry no class-level {@code @Path}, so that the server
     * never mistakes a client for a resource.
     */
    public <T> T get(Class<T> type, String path) {
        return type.cast(clients.computeIfAbsent(type, t -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(base() + path))
                .connectTimeout(connectTimeout, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout, TimeUnit.MILLISECONDS)
                // Jersey's default connector (HttpURLConnection) refuses PATCH without this; other clients ignore it.
                .property(JERSEY_PATCH_WORKAROUND, true)
                .build(t)));
    }

    /** The clients' connections go with the application (RESTEasy warns of each client left to the GC). */
    @PreDestroy
    void close() {
        for (Object client : clients.values()) {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing at undeploy: nothing is left to tell
                }
            }
        }
        clients.clear();
    }

    URI base() {
        if (base == null) {
            base = URI.create(configuredUrl.filter(u -> !u.isBlank()).map(PlatformClients::trimSlash)
                    .orElseGet(PlatformClients::thisServer));
        }
        return base;
    }

    private static String thisServer() {
        HttpServletRequest request = CDI.current().select(HttpServletRequest.class).get();
        String host = request.getLocalAddr();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return request.getScheme() + "://" + host + ":" + request.getLocalPort() + request.getContextPath();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
