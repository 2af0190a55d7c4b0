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
    void aTakenNameIsSaidBesideTheName() {
        assertEquals(Map.of("name", "segments.error.exists"),
                SegmentErrors.fieldKeys(new PlatformException(409, "segment-exists", "taken", Map.of())));
    }

    @Test
    void fieldErrorsLandOnTheirFields() {
        PlatformException invalid = new PlatformException(400, "validation-failed", "bad",
                Map.of("fields", Map.of("name", "name is required", "value", "expression.value is required",
                        "ttlInDays", "1 to 365")));
        assertEquals(Map.of("name", "segments.error.name", "expression", "segments.error.expression",
                SegmentErrors.GENERAL, "error.request"), SegmentErrors.fieldKeys(invalid));
    }

    @Test
    void aDefinitionThatIsNotPqlIsSaidBesideIt() {
        assertEquals(Map.of("expression", "segments.error.pql"),
                SegmentErrors.fieldKeys(new PlatformException(400, "pql-invalid", "no", Map.of())));
    }

    @Test
    void anyOtherRefusalIsGeneral() {
        assertEquals(Map.of(SegmentErrors.GENERAL, "error.request"),
                SegmentErrors.fieldKeys(new PlatformException(400, "malformed-json", "no", Map.of())));
    }
}
