package dev.cdpconsole.admin.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunFilterTest {

    private static RunFilter of(Map<String, String> query) {
        return RunFilter.of(query::get);
    }

    @Test
    void everyFilterBecomesAPropertyOfTheApi() {
        RunFilter cut = of(Map.of("status", "failed", "destination", "d1", "segment", "s1", "kind", "adhoc",
                "user", "marta", "from", "2026-12-01", "to", "2026-12-02"));
        assertEquals(List.of("status==failed", "destinationId==d1", "segmentId==s1", "kind==adhoc",
                "startedBy==marta", "createdAt>=1796083200000", "createdAt<1796256000000"), cut.properties());
    }

    @Test
    void theToDateIncludesItsWholeDay() {
        assertEquals(List.of("createdAt<1796169600000"), of(Map.of("to", "2026-12-01")).properties(),
                "up to the next midnight, UTC");
    }

    @Test
    void unknownChoicesAndBadDatesCountAsNone() {
        RunFilter cut = of(Map.of("status", "exploded", "kind", "sometimes", "from", "yesterday", "to", "2026-13-01"));
        assertTrue(cut.properties().isEmpty());
        assertTrue(cut.isEmpty());
    }

    @Test
    void theQueryKeepsOnlyWhatIsSet() {
        assertEquals(Map.of("status", "success", "user", "a b"), of(Map.of("status", " success ", "user", " a b ",
                "segment", "")).query());
    }

    @Test
    void linksKeepTheFiltersAndThePage() {
        RunFilter filter = of(Map.of("user", "a&b", "kind", "adhoc"));
        assertEquals("/console/activations?kind=adhoc&user=a%26b&page=2",
                ActivationsServlet.link("/console/activations", filter, 2));
        assertEquals("/console/activations", ActivationsServlet.link("/console/activations", RunFilter.none(), 0));
    }
}
