package dev.cdpconsole.platform.auth;

/** What a credential may do in a sandbox; each role includes the ones before it. */
public enum Role {
    READ, WRITE, ACTIVATE, ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
