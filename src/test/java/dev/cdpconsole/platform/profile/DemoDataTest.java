package dev.cdpconsole.platform.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static List<String> lines(int count, boolean events) throws Exception {
        StringWriter out = new StringWriter();
        DemoData.write(count, events, out);
        return List.of(out.toString().split("\n"));
    }

    @Test
    void theSameSeedGivesTheSameDataLineForLine() throws Exception {
        assertEquals(lines(50, false), lines(50, false));
        assertEquals(lines(50, true), lines(50, true));
    }

    @Test
    void everyLineIsARecordTheIngestionTakes() throws Exception {
        Set<String> emails = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (String line : lines(300, false)) {
            JsonObject record = Json.createReader(new StringReader(line)).readObject();
            String email = record.getJsonObject("identityMap").getJsonArray("email").getJsonObject(0).getString("id");
            assertTrue(emails.add(email), "emails are unique: " + email);
            countries.add(record.getJsonObject("homeAddress").getString("countryCode"));
            assertFalse(record.getJsonObject("person").getJsonObject("name").getString("lastName").isBlank());
        }
        assertEquals(Set.of("GB", "KR", "CN"), countries, "English, Korean and Chinese locales");
        List<String> events = lines(300, true);
        assertTrue(events.size() > 300, "page views and purchases: " + events.size());
        List<String> types = new ArrayList<>();
        for (String line : events) {
            JsonObject event = Json.createReader(new StringReader(line)).readObject();
            types.add(event.getString("eventType"));
            assertTrue(event.getString("timestamp").compareTo("2026-06-04") > 0, "within the 180 days");
        }
        assertTrue(types.contains("commerce.purchases") && types.contains("web.webpagedetails.pageViews"));
    }
}
