package dev.cdpconsole.platform.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.platform.segment.ProfileSubject.EventSubject;

class PqlTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    private static final String JANE = "{\"person\": {\"name\": {\"firstName\": \"Jane\", "
            + "\"lastName\": \"Doe\"}, \"birthDate\": \"1990-04-01\"}, \"homeAddress\": {\"city\": \"Seoul\", "
            + "\"countryCode\": \"KR\"}, \"loyalty\": {\"tier\": \"gold\", \"points\": 1200}, \"vip\": true, "
            + "\"tags\": [\"a\"], \"nothing\": null}";

    /** Jane Doe of Seoul, gold, 1,200 points, born 1990, 350.50 spent, 2 purchases in 30 days, last 3 days ago. */
    private static ProfileSubject jane() {
        return withEvents(new ProfileSubject(NOW, JANE, new BigDecimal("350.50"), 2, 0.25,
                NOW.minus(3, ChronoUnit.DAYS)));
    }

    /** Jane again, her record read for the condition's paths only, as a segmentation job reads it. */
    private static ProfileSubject janeStreamed(Condition condition) {
        RecordPaths paths = new RecordPaths(SegmentScan.Needs.of(java.util.List.of(condition)).attributePaths());
        return withEvents(new ProfileSubject(NOW, paths.read(JANE), new BigDecimal("350.50"), 2, 0.25,
                NOW.minus(3, ChronoUnit.DAYS)));
    }

    private static ProfileSubject withEvents(ProfileSubject jane) {
        jane.addEvent(purchase(3, "120.00"));
        jane.addEvent(purchase(20, "230.50"));
        jane.addEvent(new EventSubject(NOW, NOW.minus(1, ChronoUnit.DAYS), "web.webpagedetails.pageViews", null, null,
                "{\"web\": {\"webPageDetails\": {\"name\": \"home\"}}}"));
        jane.addEvent(purchase(60, "0"));
        return jane;
    }

    private static EventSubject purchase(int daysAgo, String total) {
        Instant at = NOW.minus(daysAgo, ChronoUnit.DAYS);
        return new EventSubject(NOW, at, "commerce.purchases", new BigDecimal(total), "USD",
                "{\"eventType\": \"commerce.purchases\", \"timestamp\": \"" + at + "\"}");
    }

    private static boolean matches(String pql) {
        Condition condition = Pql.parse(pql);
        boolean whole = condition.test(jane());
        assertEquals(whole, condition.test(janeStreamed(condition)), "streamed and whole agree on " + pql);
        return whole;
    }

    /** Whether a segmentation job must read the record for the definition (scores alone are columns). */
    private static boolean needsRecord(String pql) {
        return SegmentScan.Needs.of(java.util.List.of(Pql.parse(pql))).attributes();
    }

    @Test
    void comparesTextNumbersBooleansAndDates() {
        assertTrue(matches("person.name.lastName = \"Doe\""));
        assertFalse(matches("person.name.lastName = \"doe\""));
        assertTrue(matches("person.name.lastName != \"Smith\""));
        assertTrue(matches("loyalty.points > 1000 and loyalty.points <= 1200"));
        assertFalse(matches("loyalty.points < 1200"));
        assertTrue(matches("loyalty.points >= 1200.0"));
        assertTrue(matches("vip = true"));
        assertFalse(matches("vip = false"));
        assertTrue(matches("person.birthDate < \"1995-01-01\""));
        assertTrue(matches("person.birthDate < daysAgo(10000)"));
        assertTrue(matches("1000 < loyalty.points"));
    }

    @Test
    void theScoresAnswerToTheirShortAndFullNames() {
        assertTrue(matches("lifetimeValue > 350"));
        assertTrue(matches("computedAttributes.lifetimeValue = 350.5"));
        assertTrue(matches("purchasesLast30Days >= 2"));
        assertTrue(matches("churnPropensity < 0.3"));
        assertTrue(matches("lastPurchaseDate > daysAgo(7)"));
        assertFalse(matches("lastPurchaseDate > now()"));
        assertFalse(needsRecord("lifetimeValue > 1"));
        assertTrue(needsRecord("lifetimeValue > 1 and homeAddress.city = \"Seoul\""));
    }

    @Test
    void aMissingAttributeFailsEveryComparisonButNotItsNegation() {
        assertFalse(matches("person.gender = \"female\""));
        assertFalse(matches("person.gender != \"female\""));
        assertTrue(matches("not (person.gender = \"female\")"));
        assertFalse(matches("person.gender.exists()"));
        assertTrue(matches("person.gender.isNull()"));
        assertTrue(matches("person.name.exists() and tags.exists() and person.name.firstName.isNotNull()"));
        assertFalse(matches("tags = \"a\""));
        assertFalse(matches("loyalty.points = \"many\""));
    }

    @Test
    void logicInListsAndTextTests() {
        assertTrue(matches("loyalty.tier in [\"gold\", \"platinum\"]"));
        assertFalse(matches("loyalty.tier in [\"silver\"]"));
        assertTrue(matches("loyalty.tier not in [\"silver\", \"bronze\"]"));
        assertTrue(matches("loyalty.points in [5, 1200]"));
        assertTrue(matches("homeAddress.city.startsWith(\"Se\") and person.name.firstName.contains(\"an\")"));
        assertFalse(matches("homeAddress.city.startsWith(\"se\")"));
        assertTrue(matches("(loyalty.tier = \"silver\" or loyalty.tier = \"gold\") and not vip = false"));
        assertFalse(matches("loyalty.tier = \"silver\" or loyalty.tier = \"bronze\" and vip = true"));
        assertTrue(matches("loyalty.tier = \"gold\" or loyalty.tier = \"bronze\" and vip = false"));
        assertTrue(matches("NOT loyalty.tier = 'silver' AND homeAddress.countryCode = 'KR'"));
    }

    @Test
    void countsEventsWithAConditionOnEach() {
        assertTrue(matches("count(events where eventType = \"commerce.purchases\" and timestamp > daysAgo(30)) >= 2"));
        assertFalse(matches("count(events where eventType = \"commerce.purchases\" and timestamp > daysAgo(30)) > 2"));
        assertTrue(matches("count(events) = 4"));
        assertTrue(matches("count(events where commerce.order.priceTotal > 200) = 1"));
        assertTrue(matches("count(events where web.webPageDetails.name = \"home\") = 1"));
        assertTrue(matches("count(events where eventType.startsWith(\"commerce.\")) = 3 and loyalty.tier = \"gold\""));
        assertTrue(Pql.parse("count(events) > 0").usesEvents());
        assertFalse(Pql.parse("loyalty.points > 0").usesEvents());
    }

    @Test
    void aMistakeNamesItsLineColumnAndWhatWasExpected() {
        PqlException e = assertThrows(PqlException.class, () -> Pql.parse("loyalty.tier = \"gold\" and"));
        assertEquals(1, e.line());
        assertEquals(26, e.column());
        assertTrue(e.getMessage().contains("expected a value"), e.getMessage());
        e = assertThrows(PqlException.class, () -> Pql.parse("loyalty.tier = \"gold\"\n  or loyalty.points >> 3"));
        assertEquals(2, e.line());
        assertEquals(22, e.column());
        e = assertThrows(PqlException.class, () -> Pql.parse("(loyalty.points > 3"));
        assertTrue(e.getMessage().contains("closing parenthesis"), e.getMessage());
        e = assertThrows(PqlException.class, () -> Pql.parse("homeAddress.city.endsWith(\"x\")"));
        assertEquals(18, e.column());
        e = assertThrows(PqlException.class, () -> Pql.parse("person.name = \"unclosed"));
        assertEquals(15, e.column());
        e = assertThrows(PqlException.class, () -> Pql.parse("count(events where count(events) > 1) > 1"));
        assertTrue(e.getMessage().contains("cannot be used inside"), e.getMessage());
        e = assertThrows(PqlException.class, () -> Pql.parse("daysAgo(-3) < lastPurchaseDate"));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
        e = assertThrows(PqlException.class, () -> Pql.parse("loyalty.points > 3 loyalty.tier = \"x\""));
        assertTrue(e.getMessage().contains("and, or"), e.getMessage());
        assertThrows(PqlException.class, () -> Pql.parse("a = 1 # comment"));
        assertThrows(PqlException.class, () -> Pql.parse("  "));
        assertThrows(PqlException.class, () -> Pql.parse("lookup(x) = 1"));
        assertThrows(PqlException.class, () -> Pql.parse("a in []"));
        assertThrows(PqlException.class, () -> Pql.parse("a in [b]"));
        assertThrows(PqlException.class, () -> Pql.parse("and = 1"));
        assertEquals(400, e.problem().problem().status());
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "(".repeat(5000) + "a = 1" + ")".repeat(5000);
        PqlException e = assertThrows(PqlException.class, () -> Pql.parse(deep));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
        assertThrows(PqlException.class, () -> Pql.parse("not ".repeat(100) + "a = 1"));
        assertTrue(Pql.parse("not not a = 1 or b = 2").test(jane()) == false);
    }
}
