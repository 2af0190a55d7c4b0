package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of an ad-hoc run, as Adobe's: one order per segment and destination, with its run's status URL. */
@Schema(name = "AdhocRunOrder")
public record AdhocRunOrder(List<Item> order) {

    /** {@code segment}: the segment id; {@code order}: the destination id; {@code statusURL}: the flow run. */
    @Schema(name = "AdhocRunOrderItem")
    public record Item(String segment, String order, String statusURL) {
    }
}
