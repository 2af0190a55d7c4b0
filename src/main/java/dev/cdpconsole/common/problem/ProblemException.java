package dev.cdpconsole.common.problem;

import java.util.Map;

import dev.cdpconsole.api.Problem;

/**
 * A failure the caller can act on, carried to the one exception mapper as a problem document.
 * Services throw it with a stable type; they never build HTTP responses themselves.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Every problem type starts with this, followed by a stable code. */
    public static final String TYPE_BASE = "https://ns.cdpconsole.dev/errors/";

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    public ProblemException(int status, String code, String title, String detail, Map<String, Object> report) {
        this(status, code, title, detail, report, Map.of());
    }

    private ProblemException(int status, String code, String title, String detail, Map<String, Object> report,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.problem = new Problem(TYPE_BASE + code, title, status, detail, report);
        this.headers = headers;
    }

    public Problem problem() {
        return problem;
    }

    /** Response headers the problem needs, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** 429: too many failed attempts; try again after the given number of seconds. */
    public static ProblemException tooManyAttempts(long retryAfterSeconds) {
        return new ProblemException(429, "too-many-attempts", "Too many requests",
                "Too many failed attempts; try again in " + retryAfterSeconds + " seconds",
                Map.of("retryAfterSeconds", retryAfterSeconds), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, "Not found", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public static ProblemException conflict(String code, String detail, Map<String, Object> report) {
        return new ProblemException(409, code, "Conflict", detail, report);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(403, code, "Forbidden", detail);
    }
}
