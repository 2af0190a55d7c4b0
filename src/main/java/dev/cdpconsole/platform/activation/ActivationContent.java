package dev.cdpconsole.platform.activation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cdpconsole.platform.sandbox.SandboxContent;

/** The activation history is what a sandbox reset or delete reports and removes (the files stay). */
@ApplicationScoped
public class ActivationContent implements SandboxContent {

    @Inject
    RunStore runs;

    @Override
    public String kind() {
        return "activationRuns";
    }

    @Override
    public long count(String sandbox) {
        return runs.countAll(sandbox);
    }

    @Override
    public void removeAll(String sandbox) {
        runs.removeAll(sandbox);
    }
}
