package dev.cdpconsole.platform.profile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.json.JsonObject;

import dev.cdpconsole.platform.profile.ProfileStore.Identity;

/**
 * One record as read and checked, before it is stored: its identities, its time (epoch millis) and, for an
 * experience event, the columns drawn from it.
 */
record Incoming(JsonObject record, String json, List<Identity> identities, long time, Event event) {

    /**
     * The record to keep as its fragment or event body: its text as it came (without the spaces around it), which
     * reads back as the same record and need not be written again.
     */
    String body() {
        return json.strip();
    }

    boolean isEvent() {
        return event != null;
    }

    /** The columns of an experience event. */
    record Event(String eventId, OffsetDateTime at, String type, BigDecimal total, String currency) {

        boolean isPurchase() {
            return EventEntity.PURCHASE.equals(type);
        }
    }
}
