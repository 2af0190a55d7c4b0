package dev.cdpconsole.admin.segment;

import java.util.Map;
import java.util.Optional;

import dev.cdpconsole.admin.console.PlatformException;

/**
 * A definition the platform refused as not PQL, as the form shows it: where (line and column, from 1, as the
 * platform counts them), what it expected and found, and the offending line split at the column
 * ({@code before}, the character {@code at} it, {@code after}) so that the page can mark it and put a caret
 * under it. Long lines are cut to {@link #WINDOW} characters either side of the column.
 */
public record PqlError(int line, int column, String expected, String found, String detail, String before,
        String at, String after) {

    /** The last part of the problem type the platform gives a definition that is not PQL. */
    static final String CODE = "pql-invalid";
    static final int WINDOW = 60;
    private static final String CUT = "…";

    /** The parse error of a refused definition, if that is why the platform refused it. */
    static Optional<PqlError> of(PlatformException refusal, String text) {
        if (refusal.status() != 400 || !CODE.equals(refusal.code())) {
            return Optional.empty();
        }
        Map<String, Object> report = refusal.report();
        return Optional.of(at(text, number(report.get("line")), number(report.get("column")),
                string(report.get("expected")), string(report.get("found")), refusal.detail()));
    }

    /** The error at that line and column of the text; a position outside the text is moved to its nearest end. */
    static PqlError at(String text, int line, int column, String expected, String found, String detail) {
        String[] lines = (text == null ? "" : text).split("\n", -1);
        String shown = lines[Math.max(1, Math.min(line, lines.length)) - 1];
        if (shown.endsWith("\r")) {
            shown = shown.substring(0, shown.length() - 1);
        }
        int start = Math.max(1, Math.min(column, shown.length() + 1)) - 1;
        int end = start < shown.length() ? start + Character.charCount(shown.codePointAt(start)) : start;
        return new PqlError(line, column, expected, found, detail, head(shown.substring(0, start)),
                shown.substring(start, end), tail(shown.substring(end)));
    }

    /** The last {@link #WINDOW} characters, marked as cut when there were more. */
    private static String head(String text) {
        if (text.length() <= WINDOW) {
            return text;
        }
        int from = text.length() - WINDOW;
        if (Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        return CUT + text.substring(from);
    }

    /** The first {@link #WINDOW} characters, marked as cut when there were more. */
    private static String tail(String text) {
        if (text.length() <= WINDOW) {
            return text;
        }
        int to = WINDOW;
        if (Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(0, to) + CUT;
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 1 : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
