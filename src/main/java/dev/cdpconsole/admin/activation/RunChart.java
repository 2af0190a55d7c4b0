package dev.cdpconsole.admin.activation;

import static dev.cdpconsole.common.json.Jsons.JSON;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;

import jakarta.json.JsonArrayBuilder;

/**
 * The history's chart: per day (UTC) of the runs given, the rows exported and how many runs succeeded and
 * failed, every day from the first to the last (at least a week, at most a year, ending on the last), as the JSON
 * the page's script
 * hands to uPlot: {@code {"days": [epoch seconds], "rows": [...], "success": [...], "failed": [...]}}.
 */
final class RunChart {

    static final int MAX_DAYS = 366;
    /** A chart of one day says little (and uPlot cannot scale a time axis of one point): show a week at least. */
    static final int MIN_DAYS = 7;

    private RunChart() {
    }

    /** The counts of one day. */
    record Day(long rows, int success, int failed) {
        Day plus(RunView run) {
            return new Day(rows + run.rowsOut(), success + (run.isSuccess() ? 1 : 0), failed + (run.isFailed() ? 1 : 0));
        }
    }

    static TreeMap<LocalDate, Day> days(List<RunView> runs) {
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        for (RunView run : runs) {
            LocalDate day = Instant.ofEpochMilli(run.createdAt()).atOffset(ZoneOffset.UTC).toLocalDate();
            days.merge(day, new Day(0, 0, 0).plus(run), (a, b) -> new Day(a.rows() + b.rows(),
                    a.success() + b.success(), a.failed() + b.failed()));
        }
        if (days.isEmpty()) {
            return days;
        }
        LocalDate last = days.lastKey();
        LocalDate earliest = last.minusDays(MAX_DAYS - 1L);
        LocalDate latest = last.minusDays(MIN_DAYS - 1L);
        LocalDate first = days.firstKey().isBefore(earliest) ? earliest
                : days.firstKey().isAfter(latest) ? latest : days.firstKey();
        TreeMap<LocalDate, Day> filled = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            filled.put(day, days.getOrDefault(day, new Day(0, 0, 0)));
        }
        return filled;
    }

    static String json(List<RunView> runs) {
        JsonArrayBuilder x = JSON.createArrayBuilder();
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        JsonArrayBuilder success = JSON.createArrayBuilder();
        JsonArrayBuilder failed = JSON.createArrayBuilder();
        days(runs).forEach((day, counts) -> {
            x.add(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            rows.add(counts.rows());
            success.add(counts.success());
            failed.add(counts.failed());
        });
        return JSON.createObjectBuilder().add("days", x).add("rows", rows).add("success", success)
                .add("failed", failed).build().toString();
    }
}
