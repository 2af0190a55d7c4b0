package dev.cdpconsole.admin.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.admin.console.PlatformException;

/** The offending line of a refused definition, split where the caret goes. */
class PqlErrorTest {

    private static final String TWO_LINES = "loyalty.tier = \"gold\"\n  or loyalty.points >> 3";

    private static PqlError at(String text, int line, int column) {
        return PqlError.at(text, line, column, "a value", "'>'", "detail");
    }

    @Test
    void theLineIsSplitAtTheColumnCountedFromOne() {
        PqlError cut = at(TWO_LINES, 2, 22);
        assertEquals("  or loyalty.points >", cut.before());
        assertEquals(">", cut.at());
        assertEquals(" 3", cut.after());
        assertEquals(2, cut.line());
        assertEquals(22, cut.column());
    }

    @Test
    void theFirstColumnHasNothingBefore() {
        PqlError cut = at("#oops", 1, 1);
        assertEquals("", cut.before());
        assertEquals("#", cut.at());
        assertEquals("oops", cut.after());
    }

    @Test
    void theEndOfALineIsAfterItsLastCharacter() {
        PqlError cut = at("loyalty.tier = \"gold\" and", 1, 26);
        assertEquals("loyalty.tier = \"gold\" and", cut.before());
        assertEquals("", cut.at());
        assertEquals("", cut.after());
    }

    @Test
    void aPositionOutsideTheTextIsMovedToItsNearestEndButReportedAsGiven() {
        PqlError pastEnd = at("a = 1", 1, 99);
        assertEquals("a = 1", pastEnd.before());
        assertEquals(99, pastEnd.column());
        PqlError pastLast = at("a = 1", 7, 1);
        assertEquals("a", pastLast.at());
        assertEquals(7, pastLast.line());
        PqlError beforeStart = at("a = 1", 0, 0);
        assertEquals("", beforeStart.before());
        assertEquals("a", beforeStart.at());
        PqlError nothing = at(null, 1, 1);
        assertEquals("", nothing.before() + nothing.at() + nothing.after());
    }

    @Test
    void windowsLineBreaksDoNotShowAsPartOfTheLine() {
        PqlError cut = at("a = 1\r\nor b >> 2\r\n", 2, 7);
        assertEquals("or b >", cut.before());
        assertEquals(">", cut.at());
        assertEquals(" 2", cut.after());
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsMarkedWhole() {
        PqlError cut = at("name = 😀x", 1, 8);
        assertEquals("name = ", cut.before());
        assertEquals("😀", cut.at());
        assertEquals("x", cut.after());
    }

    @Test
    void aLongLineIsCutAroundTheColumn() {
        String line = "a".repeat(100) + "!" + "b".repeat(100);
        PqlError cut = at(line, 1, 101);
        assertEquals("…" + "a".repeat(PqlError.WINDOW), cut.before());
        assertEquals("!", cut.at());
        assertEquals("b".repeat(PqlError.WINDOW) + "…", cut.after());
    }

    @Test
    void onlyAPqlRefusalIsAParseError() {
        Map<String, Object> report = Map.of("line", new BigDecimal("2"), "column", new BigDecimal("22"),
                "expected", "a value", "found", "'>'");
        PqlError error = PqlError.of(new PlatformException(400, "https://ns.adobe.com/aep/errors/pql-invalid",
                "The definition is not valid PQL", report), TWO_LINES).orElseThrow();
        assertEquals(2, error.line());
        assertEquals(22, error.column());
        assertEquals("a value", error.expected());
        assertEquals("'>'", error.found());
        assertEquals(">", error.at());
        assertTrue(PqlError.of(new PlatformException(400, "validation-failed", "no", Map.of()), TWO_LINES).isEmpty());
        assertTrue(PqlError.of(new PlatformException(409, "pql-invalid", "no", report), TWO_LINES).isEmpty());
    }

    @Test
    void aReportWithoutAPositionPointsAtTheStart() {
        PqlError error = PqlError.of(new PlatformException(400, "pql-invalid", "empty", Map.of()), "").orElseThrow();
        assertEquals(1, error.line());
        assertEquals(1, error.column());
        assertEquals("", error.expected());
    }
}
