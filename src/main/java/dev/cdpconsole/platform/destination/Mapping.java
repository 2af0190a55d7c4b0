package dev.cdpconsole.platform.destination;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A segment a dataflow exports and its schedule: {@code once} on the start date, or {@code daily} from the start
 * date to the end date (if any), at a time of day in UTC. Ad-hoc runs are allowed inside the schedule's range:
 * from the start date on, and until the end date when there is one.
 */
public record Mapping(String dataflowId, String segmentId, String frequency, LocalDate startDate, LocalDate endDate,
        String timeOfDay, OffsetDateTime firstScheduledAt) {

    public static final String ONCE = "once";
    public static final String DAILY = "daily";

    /** Whether the day is inside the schedule's range. */
    public boolean inRange(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }

    /** When a scheduled export is due on that day, or null when none is. */
    public OffsetDateTime dueOn(LocalDate day) {
        boolean due = ONCE.equals(frequency) ? day.equals(startDate) : inRange(day);
        return due ? day.atTime(LocalTime.parse(timeOfDay)).atOffset(ZoneOffset.UTC) : null;
    }
}
