package dev.cdpconsole.admin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class PlatformClientsTest {

    /** A console request that came in on https://10.0.0.5:8443/cdp. */
    private static final Supplier<HttpServletRequest> REQUEST = () -> request(Map.of(
            "getScheme", "https", "getLocalAddr", "10.0.0.5", "getLocalPort", 8443, "getContextPath", "/cdp"));

    @Test
    void theConfiguredUrlWinsWithoutLookingAtTheRequest() {
        assertEquals("https://platform.example.com", PlatformClients.resolve(
                Optional.of("https://platform.example.com/"), Optional.of(8081), port -> true,
                () -> fail("the request is not needed")));
    }

    @Test
    void theLoopbackListenerIsUsedWhenSomethingListensOnIt() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = listener.getLocalPort();
            assertEquals("http://127.0.0.1:" + port + "/cdp", PlatformClients.resolve(
                    Optional.of(" "), Optional.of(port), PlatformClients::listening, REQUEST));
        }
    }

    @Test
    void aLoopbackPortWhereNothingListensFallsBackToTheRequestsListener() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }
        assertFalse(PlatformClients.listening(port));
        assertEquals("https://10.0.0.5:8443/cdp", PlatformClients.resolve(
                Optional.empty(), Optional.of(port), PlatformClients::listening, REQUEST));
        assertEquals("https://10.0.0.5:8443/cdp", PlatformClients.resolve(
                Optional.empty(), Optional.of(70000), port2 -> fail("not a port"), REQUEST));
    }

    @Test
    void withoutALoopbackPortTheRequestsListenerIsUsedWithIpv6InBrackets() {
        assertEquals("http://[::1]:8080", PlatformClients.resolve(Optional.empty(), Optional.empty(),
                port -> fail("no port to probe"), () -> request(Map.of(
                        "getScheme", "http", "getLocalAddr", "::1", "getLocalPort", 8080, "getContextPath", ""))));
    }

    private static HttpServletRequest request(Map<String, Object> answers) {
        return (HttpServletRequest) Proxy.newProxyInstance(PlatformClientsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName());
                });
    }
}
