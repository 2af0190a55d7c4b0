package dev.cdpconsole.platform.profile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.platform.sandbox.SandboxContent;

/** Profiles (with their identities and events) are what a sandbox reset or delete reports and removes. */
@ApplicationScoped
public class ProfileContent implements SandboxContent {

    @Inject
    ProfileStore store;

    @Override
    public String kind() {
        return "profiles";
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
