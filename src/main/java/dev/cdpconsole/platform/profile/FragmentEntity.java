package dev.cdpconsole.platform.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One profile record as it came, kept beside the merged record with the batch that brought it (none for a
 * single record), so that deleting a batch can rebuild the merged record from the fragments that remain.
 */
@Entity
@Table(name = "profile_fragment")
public class FragmentEntity {

    @Id
    @SequenceGenerator(name = "profile_fragment_seq", sequenceName = "profile_fragment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "profile_fragment_seq")
    Long id;

    String sandbox;

    @Column(name = "profile_id")
    Long profileId;

    @Column(name = "batch_id")
    String batchId;

    /** The record's time (epoch millis): the time its fields merge by. */
    @Column(name = "record_time")
    long recordTime;

    /** The record as it came, as JSON. */
    String body;

    protected FragmentEntity() {
    }

    FragmentEntity(String sandbox, Long profileId, String batchId, long recordTime, String body) {
        this.sandbox = sandbox;
        this.profileId = profileId;
        this.batchId = batchId;
        this.recordTime = recordTime;
        this.body = body;
    }
}
