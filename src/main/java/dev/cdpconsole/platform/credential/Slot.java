package dev.cdpconsole.platform.credential;

import java.util.Arrays;
import java.util.Optional;

/** The two secret slots of a credential, as Customer Insights has a primary and a secondary key. */
public enum Slot {
    PRIMARY, SECONDARY;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Slot> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
