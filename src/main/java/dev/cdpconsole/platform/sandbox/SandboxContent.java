package dev.cdpconsole.platform.sandbox;

/**
 * What a feature keeps in a sandbox, so that a reset or delete can report it and remove it. Each feature
 * that stores data per sandbox (profiles, segments, destinations, ...) provides one as a CDI bean.
 */
public interface SandboxContent {

    /** The name of this kind of content in the impact report, such as {@code profiles}. */
    String kind();

    /** How much of it the sandbox holds. */
    long count(String sandbox);

    /** Removes all of it, inside the caller's transaction. */
    void removeAll(String sandbox);
}
