package dev.cdpconsole.admin.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cdpconsole.api.CredentialUsage;

class UsageBarsTest {

    @Test
    void theBusiestDayIsTheTallestBarAndEmptyDaysHaveNone() {
        CredentialUsage usage = new CredentialUsage("c", List.of(), List.of(new CredentialUsage.Day("2026-11-29", 0),
                new CredentialUsage.Day("2026-11-30", 5), new CredentialUsage.Day("2026-12-01", 10)));
        List<Map<String, Object>> bars = KeysServlet.bars(usage);
        assertEquals(3, bars.size());
        assertEquals("0.0", bars.get(0).get("height"));
        assertEquals("40.0", bars.get(1).get("height"));
        assertEquals("80.0", bars.get(2).get("height"));
        assertEquals("10.0", bars.get(2).get("y"));
        assertEquals("201.0", bars.get(2).get("x"));
        assertEquals(10L, bars.get(2).get("calls"));
    }
}
