package dev.cdpconsole.platform.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.api.Preflight;

class ActivationServiceTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T12:00:00Z");

    @Test
    void fileNameValuesAreMadeSafe() {
        assertEquals("Gold_members_2026_", FileExport.safe("Gold members 2026 /"));
        assertEquals("_", FileExport.safe("../.."));
        assertEquals("x", FileExport.safe("..x"));
        assertEquals(60, FileExport.safe("y".repeat(100)).length());
    }

    @Test
    void theOneTimeWaitCountsFromTheFirstScheduledActivation() {
        Preflight.Check never = ActivationService.firstRunWait(20, "Storm warning", null, NOW);
        assertFalse(never.passed());
        assertEquals("first-scheduled-run-wait", never.guardrail());
        assertEquals("The segment Storm warning can be activated ad hoc 20 minutes after its first scheduled "
                + "activation, which has not happened yet", never.message());

        Preflight.Check tooSoon = ActivationService.firstRunWait(20, "Storm warning", NOW.minusMinutes(19), NOW);
        assertFalse(tooSoon.passed());
        assertTrue(tooSoon.message().endsWith("(at 2026-12-01T11:41:00Z)"), tooSoon.message());

        assertTrue(ActivationService.firstRunWait(20, "Storm warning", NOW.minusMinutes(20), NOW).passed());
        assertTrue(ActivationService.firstRunWait(60, "Storm warning", NOW.minusHours(2), NOW).passed());
        assertFalse(ActivationService.firstRunWait(60, "Storm warning", NOW.minusMinutes(59), NOW).passed());
    }
}
