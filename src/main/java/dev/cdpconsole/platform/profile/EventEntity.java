package dev.cdpconsole.platform.profile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An experience event of a profile. */
@Entity
@Table(name = "experience_event")
public class EventEntity {

    static final String PURCHASE = "commerce.purchases";

    @Id
    @SequenceGenerator(name = "experience_event_seq", sequenceName = "experience_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "experience_event_seq")
    Long id;

    String sandbox;

    @Column(name = "profile_id")
    Long profileId;

    @Column(name = "event_id")
    String eventId;

    @Column(name = "occurred_at")
    OffsetDateTime occurredAt;

    @Column(name = "event_type")
    String eventType;

    @Column(name = "price_total")
    BigDecimal priceTotal;

    String currency;

    /** The batch that brought the event; none for a single record. */
    @Column(name = "batch_id")
    String batchId;

    /** The event as it came, as JSON. */
    String body;

    protected EventEntity() {
    }

    EventEntity(String sandbox, Long profileId, String eventId, OffsetDateTime occurredAt, String eventType,
            BigDecimal priceTotal, String currency, String batchId, String body) {
        this.sandbox = sandbox;
        this.profileId = profileId;
        this.eventId = eventId;
        this.occurredAt = occurredAt;
        this.eventType = eventType;
        this.priceTotal = priceTotal;
        this.currency = currency;
        this.batchId = batchId;
        this.body = body;
    }
}
