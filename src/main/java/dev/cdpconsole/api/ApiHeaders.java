package dev.cdpconsole.api;

/** The header names of CONTRACT.md, "Every request", in one place. */
public final class ApiHeaders {
    public static final String API_KEY = "x-api-key";
    public static final String ORG_ID = "x-gw-ims-org-id";
    public static final String SANDBOX_NAME = "x-sandbox-name";
    /** Ours: the console user on whose behalf the console's own credential acts (recorded in the audit log). */
    public static final String CONSOLE_USER = "x-cdp-console-user";
    /** The default production sandbox, used when a request names none. */
    public static final String DEFAULT_SANDBOX = "prod";

    private ApiHeaders() {
    }
}
