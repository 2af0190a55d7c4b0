package dev.cdpconsole.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");

    @Test
    void writesUtc() {
        assertEquals("2026-12-01T10:00:00.123Z", Times.iso(OffsetDateTime.parse("2026-12-01T19:00:00.123+09:00")));
        assertNull(Times.iso(null));
    }

    @Test
    void takesWhatEachDriverGives() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-12-01T10:00:00.123Z");
        assertEquals(utc, Times.offset(OffsetDateTime.parse("2026-12-01T18:00:00.123+08:00")));
        assertEquals(utc, Times.offset(Timestamp.from(AT)));
        assertEquals(utc, Times.offset(AT));
        assertNull(Times.offset((Object) null));
        assertThrows(IllegalArgumentException.class, () -> Times.offset("2026-12-01T10:00:00Z"));
    }

    @Test
    void readsATimestampColumnInUtc() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:times");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE t (at TIMESTAMP WITH TIME ZONE)");
            sql.execute("INSERT INTO t VALUES (TIMESTAMP WITH TIME ZONE '2026-12-01 19:00:00.123+09:00'), (NULL)");
            try (ResultSet rows = sql.executeQuery("SELECT at FROM t ORDER BY at NULLS LAST")) {
                rows.next();
                OffsetDateTime first = Times.offset(rows, 1);
                assertEquals(OffsetDateTime.parse("2026-12-01T10:00:00.123Z"), first);
                assertEquals(0, first.getOffset().getTotalSeconds());
                rows.next();
                assertNull(Times.offset(rows, 1));
            }
        }
    }
}
