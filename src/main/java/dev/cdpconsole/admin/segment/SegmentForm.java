package dev.cdpconsole.admin.segment;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the segment form sends: name and description trimmed, the PQL with its line breaks as the platform
 * counts them ({@code \n}; browsers send a textarea's as {@code \r\n}).
 */
public record SegmentForm(String name, String description, String expression) {

    static final SegmentForm EMPTY = new SegmentForm("", "", "");

    static SegmentForm of(HttpServletRequest request) {
        return new SegmentForm(value(request, "name").strip(), value(request, "description").strip(),
                pql(value(request, "expression")));
    }

    /** A definition with {@code \n} between its lines, so that the platform's line numbers match the text. */
    static String pql(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String value(HttpServletRequest request, String field) {
        String value = request.getParameter(field);
        return value == null ? "" : value;
    }
}
