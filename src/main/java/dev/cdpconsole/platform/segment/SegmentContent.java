package dev.cdpconsole.platform.segment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.platform.sandbox.SandboxContent;

/** Segment definitions (with their memberships, jobs and previews) are what a sandbox reset or delete reports. */
@ApplicationScoped
public class SegmentContent implements SandboxContent {

    @Inject
    SegmentStore store;

    @Override
    public String kind() {
        return "segments";
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
