package dev.cdpconsole.admin.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.admin.console.PlatformException;

class FormErrorsTest {

    private static PlatformException refusal(String code, String detail) {
        return new PlatformException(400, "https://cdp-console.dev/problems/" + code, detail, Map.of());
    }

    @Test
    void aRefusalGoesBesideTheFieldItsTypeNames() {
        assertEquals(Map.of("folder", "folder must be relative"), FormErrors.of(refusal("destination-folder-invalid",
                "folder must be relative"), DestinationsServlet.FIELDS));
        assertEquals(Map.of("identities", "unknown namespace"), FormErrors.of(refusal("namespace-unknown",
                "unknown namespace"), DestinationsServlet.FIELDS));
        assertEquals(Map.of("segments", "bad time"), FormErrors.of(refusal("schedule-invalid", "bad time"),
                DataflowsServlet.FIELDS));
    }

    @Test
    void oneNamingNoFieldGoesAboveTheForm() {
        assertEquals(Map.of(FormErrors.GENERAL, "no"), FormErrors.of(refusal("something-else", "no"),
                DestinationsServlet.FIELDS));
    }
}
