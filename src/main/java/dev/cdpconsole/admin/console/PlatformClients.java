package dev.cdpconsole.admin.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the console's MicroProfile Rest Clients, one per interface, against {@code cdp.platform.url} or,
 * when that is unset, against this same server: on its loopback listener ({@code cdp.platform.loopback-port}),
 * which has threads of its own, when one answers there, and otherwise on the listener of the first console
 * request.
 */
@ApplicationScoped
public class PlatformClients {

    private static final Logger LOG = Logger.getLogger(PlatformClients.class.getName());
    private static final int PROBE_TIMEOUT_MS = 1000;

    @Inject
    @ConfigProperty(name = "cdp.platform.url")
    Optional<String> configuredUrl;

    @Inject
    @ConfigProperty(name = "cdp.platform.loopback-port")
    Optional<Integer> loopbackPort;

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
        return type.cast(clients.computeIfAbsent(type, t -> {
            RestClientBuilder builder = RestClientBuilder.newBuilder()
                    .baseUri(URI.create(base() + path))
                    .connectTimeout(connectTimeout, TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeout, TimeUnit.MILLISECONDS)
                    // Jersey's default connector (HttpURLConnection) refuses PATCH without this; others ignore it.
                    .property(JERSEY_PATCH_WORKAROUND, true);
            if (isJersey(builder)) {
                // Jersey's own cost (see StringParams). With it on WildFly's RESTEasy the console's sign-in failed
                // (the platform found its request bodies "not valid JSON of the expected shape"): left out there.
                builder.register(StringParams.class);
            }
            return builder.build(t);
        }));
    }

    static boolean isJersey(RestClientBuilder builder) {
        return builder.getClass().getName().startsWith("org.glassfish.jersey.");
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
            base = URI.create(resolve(configuredUrl, loopbackPort, PlatformClients::listening,
                    () -> CDI.current().select(HttpServletRequest.class).get()));
        }
        return base;
    }

    /**
     * The platform's URL: the configured one; else this server's loopback listener when something listens on
     * its port; else the address and port the current console request came in on.
     */
    static String resolve(Optional<String> configured, Optional<Integer> loopbackPort, IntPredicate listening,
            Supplier<HttpServletRequest> request) {
        Optional<String> url = configured.filter(u -> !u.isBlank()).map(PlatformClients::trimSlash);
        if (url.isPresent()) {
            return url.get();
        }
        HttpServletRequest current = request.get();
        if (loopbackPort.isPresent()) {
            int port = loopbackPort.get();
            boolean isPort = port > 0 && port < 65536;
            if (isPort && listening.test(port)) {
                return "http://127.0.0.1:" + port + current.getContextPath();
            }
            LOG.warning(() -> "cdp.platform.loopback-port " + port + (isPort ? ": nothing listens on 127.0.0.1"
                    : ": not a port") + "; the console calls the platform on the listener of its own requests");
        }
        return thisServer(current);
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MS);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static String thisServer(HttpServletRequest request) {
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
