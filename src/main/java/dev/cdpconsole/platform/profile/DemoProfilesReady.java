package dev.cdpconsole.platform.profile;

/** Fired once the first start has filled the demo sandbox with people, so that other features can add theirs. */
public record DemoProfilesReady(String sandbox) {
}
