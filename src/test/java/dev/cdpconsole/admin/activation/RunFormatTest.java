package dev.cdpconsole.admin.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RunFormatTest {

    @Test
    void bytesInBinarySteps() {
        assertEquals("0 B", RunFormat.bytes(0));
        assertEquals("1023 B", RunFormat.bytes(1023));
        assertEquals("1.0 KB", RunFormat.bytes(1024));
        assertEquals("1.5 KB", RunFormat.bytes(1536));
        assertEquals("1.0 MB", RunFormat.bytes(1024 * 1024 - 1), "not 1024.0 KB");
        assertEquals("2.3 GB", RunFormat.bytes(2_500_000_000L));
    }

    @Test
    void durationsShortAndReadable() {
        assertEquals("850 ms", RunFormat.duration(Duration.ofMillis(850)));
        assertEquals("12.3 s", RunFormat.duration(Duration.ofMillis(12_340)));
        assertEquals("4 min 05 s", RunFormat.duration(Duration.ofSeconds(245)));
        assertEquals("2 h 03 min", RunFormat.duration(Duration.ofMinutes(123)));
        assertEquals("1.5 s", RunFormat.duration("2026-12-01T08:00:00Z", "2026-12-01T08:00:01.500Z"));
        assertEquals("", RunFormat.duration("2026-12-01T08:00:00Z", null), "still running");
        assertEquals(-1, RunFormat.millis(null, "2026-12-01T08:00:00Z"));
    }

    @Test
    void timesInUtc() {
        assertEquals("2026-12-01 00:00:00", RunFormat.time(1796083200000L));
        assertEquals("2026-12-01 08:00:01", RunFormat.time("2026-12-01T08:00:01.250Z"));
        assertEquals("", RunFormat.time((String) null));
    }

    @Test
    void progressAsAPercentage() {
        assertEquals(0, RunFormat.percent(5, 0));
        assertEquals(40, RunFormat.percent(2, 5));
        assertEquals(100, RunFormat.percent(7, 5), "never past the end");
    }
}
