package dev.cdpconsole.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * (ours) What an ad-hoc run of the same body would do, changing nothing: per destination and segment, the
 * profiles it would export and each guardrail's result; {@code ready} when every check passes.
 */
@Schema(name = "Preflight")
public record Preflight(boolean ready, List<Check> checks, List<Target> destinations) {

    /** A guardrail's result: its name, whether it passed, and the text the run would fail with. */
    @Schema(name = "PreflightCheck")
    public record Check(String guardrail, boolean passed, String message) {
    }

    /** A destination of the request and what it would get. */
    @Schema(name = "PreflightDestination")
    public record Target(String destinationId, String destinationName, String dataflowId, List<Check> checks,
            List<SegmentTarget> segments) {
    }

    /** A segment of the request for one destination: its members now, and its guardrails. */
    @Schema(name = "PreflightSegment")
    public record SegmentTarget(String segmentId, String segmentName, long profiles, String evaluatedAt,
            List<Check> checks) {
    }
}
