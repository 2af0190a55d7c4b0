package dev.cdpconsole.api;

/** A hypermedia link, as in {@code "_links": {"next": {"href": "..."}}}. */
public record Link(String href) {
}
