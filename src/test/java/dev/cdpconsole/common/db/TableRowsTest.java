package dev.cdpconsole.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TableRowsTest {

    private static String rows(Object[]... rows) {
        TableRows.CopyText cut = new TableRows.CopyText();
        for (Object[] row : rows) {
            cut.add(row);
        }
        return new String(cut.bytes, 0, cut.size, StandardCharsets.UTF_8);
    }

    @Test
    void valuesGoApartByTabsAndRowsByLinesWithNullAsBackslashN() {
        assertEquals("1\ttext\t\\N\t\n2\t\\N\t\\N\tx\n",
                rows(new Object[] {1L, "text", null, ""}, new Object[] {2, null, null, "x"}));
    }

    @Test
    void backslashNewlineCarriageReturnAndTabAreEscapedAndNothingElse() {
        assertEquals("Q\"u,o\\\\te\\n\\t한 \\r;'\"\"\n", rows(new Object[] {"Q\"u,o\\te\n\t한 \r;'\"\""}));
        assertEquals("{\"person\": {\"name\": \"a\\\\nb\"}}\n", rows(new Object[] {"{\"person\": {\"name\": \"a\\nb\"}}"}));
        assertEquals("\\\\.\n", rows(new Object[] {"\\."}), "no line can end the data early");
    }

    @Test
    void numbersTimesAndBooleansAsTheyPrint() {
        OffsetDateTime at = OffsetDateTime.of(2026, 12, 7, 11, 0, 0, 123_000_000, ZoneOffset.UTC);
        assertEquals("12.50\t1000.0\t0.25\ttrue\t2026-12-07T11:00:00.123Z\n",
                rows(new Object[] {new BigDecimal("12.50"), 1000.0, 0.25, true, at}));
    }

    @Test
    void growsPastItsFirstBufferWithoutLosingAByte() {
        String big = "가".repeat(5_000) + "\t" + "b".repeat(5_000);
        String escaped = "가".repeat(5_000) + "\\t" + "b".repeat(5_000);
        assertEquals(escaped + "\t" + escaped + "\n", rows(new Object[] {big, big}));
    }
}
