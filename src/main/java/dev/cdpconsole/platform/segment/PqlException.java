package dev.cdpconsole.platform.segment;

import java.util.Map;

import dev.cdpconsole.common.problem.ProblemException;

/** A definition that is not PQL of the supported subset: where (line and column, from 1), what was expected. */
public class PqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    public PqlException(String message, int line, int column, String expected, String found) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The 400 answer: the position in the detail and in the report, for a form to point at. */
    public ProblemException problem() {
        return new ProblemException(400, "pql-invalid", "Bad request",
                "The definition is not valid PQL: " + getMessage() + " (line " + line + ", column " + column + ")",
                Map.of("line", line, "column", column, "expected", expected, "found", found));
    }
}
