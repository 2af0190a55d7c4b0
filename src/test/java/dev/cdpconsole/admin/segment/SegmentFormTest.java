package dev.cdpconsole.admin.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.admin.console.PlatformException;

/** What the segment form sends to the platform, and how its refusals land on the fields. */
class SegmentFormTest {

    @Test
    void lineBreaksAreThoseThePlatformCounts() {
        assertEquals("a = 1\nor b = 2\n", SegmentForm.pql("a = 1\r\nor b = 2\r\n"));
        assertEquals("a = 1\nor b = 2", SegmentForm.pql("a = 1\ror b = 2"));
        assertEquals("  a = 1 ", SegmentForm.pql("  a = 1 "), "spaces stay, so columns match the text");
        assertEquals("", SegmentForm.pql(null));
    }

    @Test
    void eachRefusalLandsOnItsField() {
        assertEquals(Map.of("name", "segments.error.exists"), keys(409, "segment-name-taken"));
        assertEquals(Map.of("name", "segments.error.name"), keys(400, "segment-name-missing"));
        assertEquals(Map.of("name", "segments.error.name"), keys(400, "segment-name-invalid"));
        assertEquals(Map.of("description", "segments.error.description"), keys(400, "segment-description-invalid"));
        assertEquals(Map.of("expression", "segments.error.expression"), keys(400, "segment-expression-missing"));
        assertEquals(Map.of("expression", "segments.error.pql"), keys(400, "pql-invalid"));
    }

    @Test
    void anyOtherRefusalIsGeneral() {
        assertEquals(Map.of(SegmentErrors.GENERAL, "error.request"), keys(400, "malformed-json"));
    }

    private static Map<String, String> keys(int status, String code) {
        return SegmentErrors.fieldKeys(new PlatformException(status, "https://ns.adobe.com/aep/errors/" + code,
                "refused", Map.of()));
    }
}
