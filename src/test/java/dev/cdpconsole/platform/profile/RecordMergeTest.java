package dev.cdpconsole.platform.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class RecordMergeTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void flattensToLeavesAndBuildsBackTheSameRecord() {
        JsonObject record = json("{\"person\": {\"name\": {\"firstName\": \"Jane\", \"lastName\": \"Doe\"}}, "
                + "\"tags\": [\"a\", \"b\"], \"empty\": {}, \"identityMap\": {\"email\": [{\"id\": \"x\"}]}}");
        Map<String, JsonValue> leaves = RecordMerge.flatten(record);
        assertEquals(List.of("person.name.firstName", "person.name.lastName", "tags", "empty"), List.copyOf(leaves.keySet()));
        assertEquals(json("{\"person\": {\"name\": {\"firstName\": \"Jane\", \"lastName\": \"Doe\"}}, "
                + "\"tags\": [\"a\", \"b\"], \"empty\": {}}"), RecordMerge.unflatten(leaves));
    }

    @Test
    void theLaterRecordWinsPerLeafAndAnEarlierOneOnlyFillsGaps() {
        Map<String, JsonValue> leaves = RecordMerge.flatten(json("{\"a\": 1, \"b\": {\"c\": 2}}"));
        Map<String, Long> times = new HashMap<>(Map.of("a", 100L, "b.c", 100L));
        RecordMerge.merge(leaves, times, RecordMerge.flatten(json("{\"a\": 9, \"d\": 4}")), 50);
        assertEquals(json("{\"a\": 1, \"b\": {\"c\": 2}, \"d\": 4}"), RecordMerge.unflatten(leaves));
        RecordMerge.merge(leaves, times, RecordMerge.flatten(json("{\"a\": 7}")), 200);
        assertEquals(7, RecordMerge.unflatten(leaves).getInt("a"));
        assertEquals(200L, times.get("a"));
    }

    @Test
    void aValueReplacesAnObjectAndBack() {
        Map<String, JsonValue> leaves = RecordMerge.flatten(json("{\"address\": {\"city\": \"Seoul\"}}"));
        Map<String, Long> times = new HashMap<>(Map.of("address.city", 1L));
        RecordMerge.merge(leaves, times, RecordMerge.flatten(json("{\"address\": \"unknown\"}")), 2);
        assertEquals(json("{\"address\": \"unknown\"}"), RecordMerge.unflatten(leaves));
        RecordMerge.merge(leaves, times, RecordMerge.flatten(json("{\"address\": {\"city\": \"Busan\"}}")), 3);
        assertEquals(json("{\"address\": {\"city\": \"Busan\"}}"), RecordMerge.unflatten(leaves));
    }

    @Test
    void anOlderValueDoesNotDisplaceANewerFieldBelowIt() {
        Map<String, JsonValue> leaves = RecordMerge.flatten(json("{\"address\": {\"city\": \"Seoul\"}}"));
        Map<String, Long> times = new HashMap<>(Map.of("address.city", 10L));
        RecordMerge.merge(leaves, times, RecordMerge.flatten(json("{\"address\": \"unknown\"}")), 5);
        assertEquals(json("{\"address\": {\"city\": \"Seoul\"}}"), RecordMerge.unflatten(leaves),
                "the same result as taking the two records in time order");
    }

    @Test
    void churnFollowsRecencyAndFrequency() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-01T00:00:00Z");
        assertEquals(1.0, Scores.churn(null, 0, now));
        assertEquals(0.0, Scores.churn(now, 10, now));
        assertEquals(0.3, Scores.churn(now, 0, now));
        assertEquals(0.7, Scores.churn(now.minusDays(90), 10, now));
        assertEquals(1.0, Scores.churn(now.minusDays(400), 0, now));
    }

    @Test
    void aRecordAloneIsTheMergedRecordItsLeavesBuild() {
        JsonObject record = json("{\"identityMap\": {\"email\": [{\"id\": \"x\"}]}, \"timestamp\": 5, "
                + "\"person\": {\"name\": {\"firstName\": \"Jane\"}, \"tags\": [1, {\"a.b\": 2}]}, \"empty\": {}, "
                + "\"loyalty\": {\"points\": 3}}");
        Map<String, JsonValue> leaves = new LinkedHashMap<>();
        Map<String, Long> times = new HashMap<>();
        RecordMerge.mergeRecord(leaves, times, record, 5);
        JsonObject alone = RecordMerge.alone(record, record.toString());
        assertEquals(RecordMerge.unflatten(leaves), alone);
        assertEquals(List.copyOf(RecordMerge.unflatten(leaves).keySet()), List.copyOf(alone.keySet()));
        assertEquals(RecordMerge.store(times), RecordMerge.timesAlone(alone, 5));
        String dotted = "{\"a\": {\"b.c\": 1}}";
        assertEquals(null, RecordMerge.alone(json(dotted), dotted), "a dotted key is taken apart");

        JsonObject identitiesOnly = json("{\"identityMap\": {\"email\": [{\"id\": \"x\"}]}, \"timestamp\": 5}");
        Map<String, Long> none = new HashMap<>();
        RecordMerge.mergeRecord(new LinkedHashMap<>(), none, identitiesOnly, 5);
        assertEquals(RecordMerge.store(none),
                RecordMerge.timesAlone(RecordMerge.alone(identitiesOnly, identitiesOnly.toString()), 5));
    }

    @Test
    void theTextTellsADottedKeyAsTheRecordWould() {
        Map<String, Boolean> dotless = new LinkedHashMap<>();
        dotless.put("{\"a\": 1}", true);
        dotless.put("{\"email\": \"jane.doe@example.com\", \"points\": 1.5, \"tier\": \"gold.\"}", true);
        dotless.put("{\"a\": {\"b.c\": 1}}", false);
        dotless.put("{\"a\": {\"b . c\" \n\t : 1}}", false);
        dotless.put("{\"a\\u002eb\": 1}", false);                         // an escaped dot
        dotless.put("{\"a\": \"v.\\\": w\", \"b\": 1}", true);           // an escaped quote, then a colon
        dotless.put("{\"a\": 1.5, \":\": 2}", true);                      // a number's dot, then a key ":"
        dotless.put("{\"tags\": [\"x.y\", {\"k.z\": 1}]}", true);          // lists are not taken apart
        dotless.forEach((text, expected) -> assertEquals(expected, RecordMerge.dotless(json(text), text), text));
    }

    @Test
    void fieldTimesAreStoredAsTheCommonTimeAndTheOthersAndReadBackWhole() {
        Map<String, JsonValue> leaves = RecordMerge.flatten(json("{\"a\": 1, \"b\": {\"c\": 2}, \"d\": 3}"));
        Map<String, Long> times = new LinkedHashMap<>(Map.of("a", 5L, "b.c", 7L, "d", 5L));
        RecordMerge.StoredTimes stored = RecordMerge.store(times);
        assertEquals(5L, stored.common());
        assertEquals(json("{\"b.c\": 7}"), json(stored.others()));
        assertEquals(times, RecordMerge.times(leaves, stored.common(), json(stored.others())));

        RecordMerge.StoredTimes tie = RecordMerge.store(new LinkedHashMap<>(Map.of("a", 5L, "b.c", 7L)));
        assertEquals(7L, tie.common(), "of times shared by as many fields, the latest");
        assertEquals(json("{\"a\": 5}"), json(tie.others()));

        RecordMerge.StoredTimes none = RecordMerge.store(Map.of());
        assertEquals(null, none.common());
        assertEquals(Map.of(), RecordMerge.times(Map.of(), none.common(), json(none.others())));
    }

    @Test
    void fieldTimesStoredBeforeTheCommonTimeReadAsTheyDid() {
        Map<String, JsonValue> leaves = RecordMerge.flatten(json("{\"a\": 1, \"d\": 3}"));
        assertEquals(Map.of("a", 5L, "d", 6L), RecordMerge.times(leaves, null, json("{\"a\": 5, \"d\": 6}")));
    }

    @Test
    void searchKeys() {
        assertEquals("jane", SearchFields.key("  Jane "));
        assertEquals("821012345678", SearchFields.digits("+82 10-1234-5678"));
        assertEquals(null, SearchFields.digits("none"));
        assertEquals("1".repeat(64), SearchFields.digits("+" + "1".repeat(70)), "the first 64 digits, as the column holds");
        assertEquals(null, SearchFields.key(" "));
    }
}
