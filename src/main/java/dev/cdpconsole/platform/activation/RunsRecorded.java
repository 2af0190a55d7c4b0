package dev.cdpconsole.platform.activation;

/** Fired in the transaction that records runs; once it commits, the executor looks for work. */
public record RunsRecorded(int count) {
}
