package dev.cdpconsole.platform.segment;

import java.time.OffsetDateTime;

/** What other features need of a segment: its name, and its latest evaluation (null: never evaluated). */
public record SegmentSummary(String id, String name, OffsetDateTime evaluatedAt, long memberCount) {
}
