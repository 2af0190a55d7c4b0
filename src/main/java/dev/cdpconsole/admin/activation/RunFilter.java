package dev.cdpconsole.admin.activation;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The history's filters as the page's query gives them, and as the flow-runs API takes them: its
 * {@code property} expressions ({@code status==…}, {@code createdAt>=…} in epoch milliseconds, …). Dates are
 * whole days in UTC: {@code from} includes its day, {@code to} too (so the API gets the next midnight).
 */
public record RunFilter(String status, String destination, String segment, String kind, String from, String to,
        String user) {

    public static final List<String> STATUSES = List.of("pending", "inProgress", "success", "failed");
    public static final List<String> KINDS = List.of("adhoc", "scheduled");
    private static final int MAX = 128;

    public static RunFilter none() {
        return new RunFilter("", "", "", "", "", "", "");
    }

    /** The filters of the query; a value that is not one of the choices, or not a date, counts as none. */
    public static RunFilter of(HttpServletRequest request) {
        return of(request::getParameter);
    }

    static RunFilter of(java.util.function.Function<String, String> query) {
        return new RunFilter(choice(query.apply("status"), STATUSES), text(query.apply("destination")),
                text(query.apply("segment")), choice(query.apply("kind"), KINDS), date(query.apply("from")),
                date(query.apply("to")), text(query.apply("user")));
    }

    /** The filters as the API's {@code property} expressions, in a stable order. */
    public List<String> properties() {
        List<String> properties = new ArrayList<>();
        add(properties, "status==", status);
        add(properties, "destinationId==", destination);
        add(properties, "segmentId==", segment);
        add(properties, "kind==", kind);
        add(properties, "startedBy==", user);
        if (!from.isEmpty()) {
            properties.add("createdAt>=" + midnight(LocalDate.parse(from)));
        }
        if (!to.isEmpty()) {
            properties.add("createdAt<" + midnight(LocalDate.parse(to).plusDays(1)));
        }
        return properties;
    }

    /** The filters as query parameters (those set), for links that keep them: paging, the CSV, the fragment. */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "status", status);
        put(query, "destination", destination);
        put(query, "segment", segment);
        put(query, "kind", kind);
        put(query, "from", from);
        put(query, "to", to);
        put(query, "user", user);
        return query;
    }

    public boolean isEmpty() {
        return query().isEmpty();
    }

    private static long midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static void add(List<String> properties, String prefix, String value) {
        if (!value.isEmpty()) {
            properties.add(prefix + value);
        }
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (!value.isEmpty()) {
            query.put(name, value);
        }
    }

    private static String choice(String value, List<String> choices) {
        return value != null && Set.copyOf(choices).contains(value.strip()) ? value.strip() : "";
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip();
        return stripped.length() > MAX ? stripped.substring(0, MAX) : stripped;
    }

    private static String date(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
