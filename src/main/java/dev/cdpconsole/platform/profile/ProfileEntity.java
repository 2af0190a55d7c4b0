package dev.cdpconsole.platform.profile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A profile: the merged record, its search columns and its scores. Changed only through its methods. */
@Entity
@Table(name = "profile")
@NamedQuery(name = "Profile.count", query = "SELECT COUNT(p) FROM ProfileEntity p WHERE p.sandbox = :sandbox")
public class ProfileEntity {

    @Id
    @SequenceGenerator(name = "profile_seq", sequenceName = "profile_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "profile_seq")
    Long id;

    String sandbox;
    String xid;

    @Column(name = "first_name")
    String firstName;

    @Column(name = "last_name")
    String lastName;

    String email;
    String phone;
    String city;

    @Column(name = "first_name_key")
    String firstNameKey;

    @Column(name = "last_name_key")
    String lastNameKey;

    @Column(name = "email_key")
    String emailKey;

    @Column(name = "phone_key")
    String phoneKey;

    /** The merged record, as JSON. */
    String entity;

    /**
     * When the leaf fields of the record were last set (epoch millis; the latest record wins per field): most at
     * {@code fieldTime}, the others at the times {@code fieldTimes} gives them (as JSON). Profiles stored before
     * {@code fieldTime} was kept have none, and every field in {@code fieldTimes}.
     */
    @Column(name = "field_times")
    String fieldTimes;

    @Column(name = "field_time")
    Long fieldTime;

    @Column(name = "lifetime_value")
    BigDecimal lifetimeValue;

    @Column(name = "purchases_30d")
    int purchases30d;

    @Column(name = "last_purchase_at")
    OffsetDateTime lastPurchaseAt;

    @Column(name = "churn_propensity")
    double churnPropensity;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    protected ProfileEntity() {
    }

    ProfileEntity(String sandbox, String xid, OffsetDateTime at) {
        this.sandbox = sandbox;
        this.xid = xid;
        this.entity = "{}";
        this.fieldTimes = "{}";
        this.lifetimeValue = BigDecimal.ZERO;
        this.churnPropensity = 1.0;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Replaces the merged record and the search columns drawn from it. */
    void record(String entityJson, RecordMerge.StoredTimes times, SearchFields fields, OffsetDateTime at) {
        entity = entityJson;
        fieldTimes = times.others();
        fieldTime = times.common();
        String[] columns = fields.columns();
        firstName = columns[0];
        lastName = columns[1];
        email = columns[2];
        phone = columns[3];
        city = columns[4];
        firstNameKey = columns[5];
        lastNameKey = columns[6];
        emailKey = columns[7];
        phoneKey = columns[8];
        updatedAt = at;
    }

    void scores(Scores scores, OffsetDateTime at) {
        lifetimeValue = scores.lifetimeValue();
        purchases30d = scores.purchases30d();
        lastPurchaseAt = scores.lastPurchaseAt();
        churnPropensity = scores.churnPropensity();
        updatedAt = at;
    }
}
