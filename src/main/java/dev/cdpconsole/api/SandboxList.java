package dev.cdpconsole.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of sandboxes, with {@code _page} and {@code _links.next}. */
@Schema(name = "SandboxList")
public record SandboxList(List<SandboxView> sandboxes, PageInfo _page, Map<String, Link> _links) {

    /** The paging summary of a list answer. */
    public record PageInfo(int limit, int count) {
    }
}
