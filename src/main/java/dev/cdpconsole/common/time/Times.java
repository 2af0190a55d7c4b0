package dev.cdpconsole.common.time;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the API writes a point in time: ISO-8601 in UTC, such as {@code 2026-12-01T10:00:00.123Z}. */
public final class Times {

    private Times() {
    }

    /** The time in UTC as ISO-8601, or null for no time. */
    public static String iso(OffsetDateTime at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
