package dev.cdpconsole.platform.sandbox;

/** The states of CONTRACT.md, as the API spells them. */
final class SandboxState {
    static final String CREATING = "creating";
    static final String ACTIVE = "active";
    static final String FAILED = "failed";
    static final String DELETED = "deleted";
    static final String RESETTING = "resetting";

    private SandboxState() {
    }
}
