package dev.cdpconsole.platform.sandbox;

/** Fired in the transaction that resets or deletes a sandbox: once it ends, usable sandboxes are looked up afresh. */
public record SandboxChanged(String name) {
}
