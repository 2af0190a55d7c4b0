package dev.cdpconsole.platform.profile;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A part of a batch's upload (up to a thousand lines), kept until it has been ingested. */
@Entity
@Table(name = "ingest_batch_part")
@IdClass(BatchPartEntity.Key.class)
public class BatchPartEntity {

    @Id
    @Column(name = "batch_id")
    String batchId;

    @Id
    int part;

    /** The number of the part's first line in the upload. */
    @Column(name = "first_line")
    int firstLine;

    /** How many lines that are not blank the part holds. */
    @Column(name = "line_count")
    int lineCount;

    /** The part's lines as they came, blank ones included (so that line numbers hold). */
    String lines;

    protected BatchPartEntity() {
    }

    BatchPartEntity(String batchId, int part, int firstLine, int lineCount, String lines) {
        this.batchId = batchId;
        this.part = part;
        this.firstLine = firstLine;
        this.lineCount = lineCount;
        this.lines = lines;
    }

    /** The key: batch and part number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String batchId;
        int part;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.batchId.equals(batchId) && k.part == part;
        }

        @Override
        public int hashCode() {
            return Objects.hash(batchId, part);
        }
    }
}
