package dev.cdpconsole.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.common.problem.ProblemException;

class PagingTest {

    @Test
    void defaultsAndValues() {
        assertEquals(new Paging(50, 0), Paging.of(null, null, 50, 100));
        assertEquals(new Paging(50, 0), Paging.of(" ", "", 50, 100));
        assertEquals(new Paging(7, 14), Paging.of("7", " 14 ", 50, 100));
    }

    @Test
    void outOfRangeOrNotANumberIs400NamingTheParameter() {
        for (String[] bad : new String[][] {{"0", "0"}, {"101", "0"}, {"5", "-1"}, {"x", "0"}, {"5", "1.5"},
                {"99999999999", "0"}}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Paging.of(bad[0], bad[1], 50, 100));
            assertEquals(400, e.problem().status());
        }
        assertEquals("limit must be a whole number",
                assertThrows(ProblemException.class, () -> Paging.of("x", "0", 50, 100)).problem().detail());
    }
}
