package dev.cdpconsole.admin.console;

import java.util.Map;

/** An error answer of the platform API, as the console sees it: the status and the problem document's fields. */
public class PlatformException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final transient Map<String, Object> report;

    public PlatformException(int status, String type, String detail, Map<String, Object> report) {
        super(detail == null ? "HTTP " + status : detail, null, false, false);
        this.status = status;
        this.type = type == null ? "" : type;
        this.report = report == null ? Map.of() : report;
    }

    public int status() {
        return status;
    }

    /** The problem type's last part, such as {@code sandbox-exists}. */
    public String code() {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public String detail() {
        return getMessage();
    }

    /** Field name to message, for a validation failure. */
    @SuppressWarnings("unchecked")
    public Map<String, String> fieldErrors() {
        Object fields = report.get("fields");
        return fields instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    public Map<String, Object> report() {
        return report;
    }
}
