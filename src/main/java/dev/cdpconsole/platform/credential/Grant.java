package dev.cdpconsole.platform.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A sandbox a credential may use and its role there; sandbox {@code *} means every sandbox. */
@Embeddable
public class Grant {

    public static final String EVERY_SANDBOX = "*";

    @Column(name = "sandbox")
    String sandbox;

    @Column(name = "role")
    String role;

    protected Grant() {
    }

    Grant(String sandbox, String role) {
        this.sandbox = sandbox;
        this.role = role;
    }

    public String sandbox() {
        return sandbox;
    }

    public String role() {
        return role;
    }
}
