package dev.cdpconsole.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AdjustableClockTest {

    private static final Clock BASE = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void movesOnlyWhenAdjustable() {
        AdjustableClock cut = new AdjustableClock(BASE, true);
        cut.setOffset(Duration.ofHours(2));
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), cut.instant());
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), cut.withZone(ZoneOffset.ofHours(9)).instant());
        AdjustableClock fixed = new AdjustableClock(BASE, false);
        assertThrows(IllegalStateException.class, () -> fixed.setOffset(Duration.ofHours(1)));
        assertEquals(BASE.instant(), fixed.instant());
    }
}
