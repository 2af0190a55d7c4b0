package dev.cdpconsole.admin.destination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.cdpconsole.api.Flow;
import dev.cdpconsole.api.FlowRequest;
import dev.cdpconsole.api.SegmentDefinition;

/**
 * The dataflow form as typed: its name, its destination, and a row per segment of the sandbox, ticked when the
 * dataflow maps it, each with its schedule (once or daily, start and end date, time of day in UTC).
 */
public record FlowForm(String name, String destinationId, List<Row> rows) {

    public static final List<String> FREQUENCIES = List.of("daily", "once");
    static final String MIDNIGHT = "00:00";

    /** A segment and its schedule; the fields are named after the segment so that every row posts its own. */
    public record Row(String segmentId, String segmentName, boolean mapped, String frequency, String startDate,
            String endDate, String time) {
    }

    /** A new dataflow: no segment ticked, each offered daily from today at midnight UTC. */
    static FlowForm blank(String name, String destinationId, List<SegmentDefinition> segments, LocalDate today) {
        List<Row> rows = segments.stream().map(s -> new Row(s.id(), s.name(), false, "daily", today.toString(), "",
                MIDNIGHT)).toList();
        return new FlowForm(name, destinationId, rows);
    }

    /** A dataflow as kept, with the segments it does not map offered as in a new one. */
    static FlowForm of(Flow flow, List<SegmentDefinition> segments, LocalDate today) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Flow.Segment mapped : flow.segments()) {
            Flow.Schedule s = mapped.schedule();
            rows.put(mapped.segmentId(), new Row(mapped.segmentId(), mapped.segmentName() == null ? mapped.segmentId()
                    : mapped.segmentName(), true, s.frequency(), s.startDate(), s.endDate() == null ? "" : s.endDate(),
                    s.time()));
        }
        for (Row row : blank(flow.name(), flow.destinationId(), segments, today).rows()) {
            rows.putIfAbsent(row.segmentId(), row);
        }
        return new FlowForm(flow.name(), flow.destinationId(), new ArrayList<>(rows.values()));
    }

    /** The form as sent, over the segments the page offered (a segment id not among them is not mapped). */
    static FlowForm from(HttpServletRequest request, List<SegmentDefinition> segments, Flow existing) {
        String[] ticked = request.getParameterValues("segment");
        Set<String> mapped = ticked == null ? Set.of() : Set.copyOf(Arrays.asList(ticked));
        Map<String, String> names = new LinkedHashMap<>();
        if (existing != null) {
            existing.segments().forEach(s -> names.put(s.segmentId(), s.segmentName() == null ? s.segmentId()
                    : s.segmentName()));
        }
        segments.forEach(s -> names.putIfAbsent(s.id(), s.name()));
        List<Row> rows = new ArrayList<>();
        names.forEach((id, name) -> rows.add(new Row(id, name, mapped.contains(id), field(request, "frequency-" + id),
                field(request, "startDate-" + id), field(request, "endDate-" + id), field(request, "time-" + id))));
        String destination = existing != null ? existing.destinationId() : field(request, "destinationId");
        return new FlowForm(field(request, "name"), destination, rows);
    }

    /** The ticked rows as the API's mapping; a blank end date is no end. */
    List<FlowRequest.SegmentMapping> mappings() {
        return rows.stream().filter(Row::mapped).map(r -> new FlowRequest.SegmentMapping(r.segmentId(),
                new FlowRequest.Schedule(r.frequency(), r.startDate().isEmpty() ? null : r.startDate(),
                        r.endDate().isEmpty() ? null : r.endDate(), r.time().isEmpty() ? null : r.time()))).toList();
    }

    public long mappedCount() {
        return rows.stream().filter(Row::mapped).count();
    }

    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
