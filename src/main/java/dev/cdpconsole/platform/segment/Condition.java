package dev.cdpconsole.platform.segment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A parsed segment definition ({@link Pql#parse}), tested against one profile at a time. A comparison with an
 * attribute the profile does not have is false, whatever the operator ({@code not (a = "x")} includes them);
 * values compare as numbers when both are numbers, as times when one side is a time ({@code now()},
 * {@code daysAgo(n)}) and the other an ISO date or timestamp, and as text otherwise.
 */
public sealed interface Condition {

    boolean test(Subject subject);

    /** Whether testing needs the profile's events (a {@code count(events …)}). */
    boolean usesEvents();

    /** What a condition is tested against: a profile, or (inside {@code count(events where …)}) one event. */
    interface Subject {

        /** The value at a path: a String, BigDecimal, Boolean or Instant; {@link #PRESENT} for an object or an
         * array; null when there is none. */
        Object value(String[] path);

        /** The instant the evaluation takes as now. */
        Instant now();

        /** The profile's events (empty for an event). */
        List<? extends Subject> events();

        /** Stands for a value that exists but is not comparable (an object or an array). */
        Object PRESENT = new Object();
    }

    enum Op { EQ, NE, LT, LE, GT, GE }

    record Or(List<Condition> parts) implements Condition {
        @Override
        public boolean test(Subject subject) {
            for (Condition part : parts) {
                if (part.test(subject)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean usesEvents() {
            return parts.stream().anyMatch(Condition::usesEvents);
        }
    }

    record And(List<Condition> parts) implements Condition {
        @Override
        public boolean test(Subject subject) {
            for (Condition part : parts) {
                if (!part.test(subject)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean usesEvents() {
            return parts.stream().anyMatch(Condition::usesEvents);
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(Subject subject) {
            return !inner.test(subject);
        }

        @Override
        public boolean usesEvents() {
            return inner.usesEvents();
        }
    }

    record Compare(Operand left, Op op, Operand right) implements Condition {
        @Override
        public boolean test(Subject subject) {
            return holds(op, order(left.value(subject), right.value(subject)));
        }

        @Override
        public boolean usesEvents() {
            return false;
        }
    }

    record In(Operand value, List<Operand> options) implements Condition {
        @Override
        public boolean test(Subject subject) {
            Object actual = value.value(subject);
            for (Operand option : options) {
                Integer order = order(actual, option.value(subject));
                if (order != null && order == 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean usesEvents() {
            return false;
        }
    }

    /** {@code path.startsWith("…")} or {@code path.contains("…")}, case-sensitive, on text only. */
    record Text(Path path, boolean prefix, String text) implements Condition {
        @Override
        public boolean test(Subject subject) {
            return path.value(subject) instanceof String value && (prefix ? value.startsWith(text) : value.contains(text));
        }

        @Override
        public boolean usesEvents() {
            return false;
        }
    }

    record Exists(Path path) implements Condition {
        @Override
        public boolean test(Subject subject) {
            return path.value(subject) != null;
        }

        @Override
        public boolean usesEvents() {
            return false;
        }
    }

    /** {@code count(events where …) >= n}: how many of the profile's events pass the inner condition. */
    record CountEvents(Condition where, Op op, BigDecimal count) implements Condition {
        @Override
        public boolean test(Subject subject) {
            long matching = 0;
            for (Subject event : subject.events()) {
                if (where == null || where.test(event)) {
                    matching++;
                }
            }
            return holds(op, BigDecimal.valueOf(matching).compareTo(count));
        }

        @Override
        public boolean usesEvents() {
            return true;
        }
    }

    /** One side of a comparison. */
    sealed interface Operand {
        Object value(Subject subject);
    }

    /** An attribute, such as {@code person.name.lastName}: of the profile, or of the event inside a count. */
    record Path(String[] parts) implements Operand {
        @Override
        public Object value(Subject subject) {
            return subject.value(parts);
        }


        @Override
        public boolean equals(Object other) {
            return other instanceof Path path && java.util.Arrays.equals(parts, path.parts);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return String.join(".", parts);
        }
    }

    record Literal(Object value) implements Operand {
        @Override
        public Object value(Subject subject) {
            return value;
        }
    }

    /** {@code now()} (0 days) or {@code daysAgo(n)}: an instant relative to the evaluation's now. */
    record DaysAgo(int days) implements Operand {
        @Override
        public Object value(Subject subject) {
            return subject.now().minus(days, ChronoUnit.DAYS);
        }
    }

    /** Every attribute path of a condition, with whether it is read on events (inside a count) or the profile. */
    static void paths(Condition condition, boolean onEvents, java.util.function.BiConsumer<Path, Boolean> sink) {
        if (condition instanceof Or or) {
            or.parts().forEach(part -> paths(part, onEvents, sink));
        } else if (condition instanceof And and) {
            and.parts().forEach(part -> paths(part, onEvents, sink));
        } else if (condition instanceof Not not) {
            paths(not.inner(), onEvents, sink);
        } else if (condition instanceof Compare compare) {
            operandPath(compare.left(), onEvents, sink);
            operandPath(compare.right(), onEvents, sink);
        } else if (condition instanceof In in) {
            operandPath(in.value(), onEvents, sink);
        } else if (condition instanceof Text text) {
            sink.accept(text.path(), onEvents);
        } else if (condition instanceof Exists exists) {
            sink.accept(exists.path(), onEvents);
        } else if (condition instanceof CountEvents count && count.where() != null) {
            paths(count.where(), true, sink);
        }
    }

    private static void operandPath(Operand operand, boolean onEvents,
            java.util.function.BiConsumer<Path, Boolean> sink) {
        if (operand instanceof Path path) {
            sink.accept(path, onEvents);
        }
    }

    /** Whether an order (as {@link #order} gives it) satisfies the operator; never for no order. */
    static boolean holds(Op op, Integer order) {
        if (order == null) {
            return false;
        }
        return switch (op) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    /** The order of two values, or null when they cannot be compared (a missing value, or unlike kinds). */
    static Integer order(Object left, Object right) {
        if (left == null || right == null || left == Subject.PRESENT || right == Subject.PRESENT) {
            return null;
        }
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (left instanceof Instant || right instanceof Instant) {
            Instant a = instant(left);
            Instant b = instant(right);
            return a == null || b == null ? null : a.compareTo(b);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return a.equals(b) ? 0 : a ? 1 : -1;
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left instanceof BigDecimal a && right instanceof String b) {
            BigDecimal parsed = number(b);
            return parsed == null ? null : a.compareTo(parsed);
        }
        if (left instanceof String a && right instanceof BigDecimal b) {
            BigDecimal parsed = number(a);
            return parsed == null ? null : parsed.compareTo(b);
        }
        return null;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An instant, or an ISO timestamp or date (a date is its first moment in UTC); null for anything else. */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
