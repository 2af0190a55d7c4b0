package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a reset or delete removes (or, with {@code validationOnly=true}, would remove).
 *
 * @param action         {@code reset} or {@code delete}
 * @param validationOnly true when nothing was changed
 * @param items          what goes, kind by kind, with counts
 * @param warnings       what needs {@code ignoreWarnings=true} to go ahead
 * @param sandbox        the sandbox after the action (or as it stands, for a validation)
 */
@Schema(name = "ImpactReport")
public record ImpactReport(String action, boolean validationOnly, List<Item> items, List<String> warnings,
        SandboxView sandbox) {

    /** One kind of content and how much of it goes. */
    public record Item(String kind, long count) {
    }
}
