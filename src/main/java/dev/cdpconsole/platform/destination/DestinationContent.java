package dev.cdpconsole.platform.destination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.platform.sandbox.SandboxContent;

/** Destinations (with their dataflows) are what a sandbox reset or delete reports and removes. */
@ApplicationScoped
public class DestinationContent implements SandboxContent {

    @Inject
    DestinationStore store;

    @Override
    public String kind() {
        return "destinations";
    }

    @Override
    public long count(String sandbox) {
        return store.count(sandbox);
    }

    @Override
    public void removeAll(String sandbox) {
        store.removeAll(sandbox);
    }
}
