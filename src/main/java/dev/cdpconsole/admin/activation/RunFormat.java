package dev.cdpconsole.admin.activation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the activation pages write sizes, durations and times: short, the same in every language (UTC). */
public final class RunFormat {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private RunFormat() {
    }

    /** Bytes in binary steps of 1024, one decimal from KB on: {@code 0 B}, {@code 999 B}, {@code 1.5 KB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return Math.max(0, bytes) + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // 1023.96 KB would round to "1024.0 KB": say 1.0 MB instead.
        if (Math.round(value * 10) >= 10240 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** A duration between two ISO instants: {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}; empty if either is missing. */
    public static String duration(String startedAtUtc, String completedAtUtc) {
        Instant start = instant(startedAtUtc);
        Instant end = instant(completedAtUtc);
        return start == null || end == null ? "" : duration(Duration.between(start, end));
    }

    static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** Milliseconds between two ISO instants, or -1 if either is missing. */
    public static long millis(String startedAtUtc, String completedAtUtc) {
        Instant start = instant(startedAtUtc);
        Instant end = instant(completedAtUtc);
        return start == null || end == null ? -1 : Duration.between(start, end).toMillis();
    }

    /** Epoch milliseconds as {@code 2026-12-01 08:00:00} (UTC). */
    public static String time(long epochMillis) {
        return TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** An ISO instant as {@code 2026-12-01 08:00:00} (UTC); empty for none. */
    public static String time(String iso) {
        Instant at = instant(iso);
        return at == null ? "" : TIME.format(at);
    }

    /** Rows written of those expected, as a whole percentage from 0 to 100 (0 when none are expected). */
    public static int percent(long written, long expected) {
        if (expected <= 0) {
            return 0;
        }
        return (int) Math.max(0, Math.min(100, written * 100 / expected));
    }

    private static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
