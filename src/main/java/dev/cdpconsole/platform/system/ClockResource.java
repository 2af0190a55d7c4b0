package dev.cdpconsole.platform.system;

import java.time.Duration;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.cdpconsole.common.problem.ProblemException;
import dev.cdpconsole.common.time.AdjustableClock;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/**
 * {@code /data/foundation/system/clock} (ours, for tests): reads the platform's clock and, only where
 * {@code cdp.clock.adjustable=true}, moves it, so that grace periods and age flags can be seen to pass.
 * Elsewhere it answers 404.
 */
@RequestScoped
@Path("/data/foundation/system/clock")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
@Tag(name = "System", description = "Test support: the platform's clock (only when cdp.clock.adjustable=true)")
public class ClockResource {

    @Inject
    AdjustableClock clock;

    /** The clock as it reads now. */
    public record ClockState(String now, long offsetSeconds) {
    }

    /** The body of a move. */
    public static class ClockMove {
        private long offsetSeconds;

        public long getOffsetSeconds() {
            return offsetSeconds;
        }

        public void setOffsetSeconds(long offsetSeconds) {
            this.offsetSeconds = offsetSeconds;
        }
    }

    @GET
    @Operation(summary = "Read the clock")
    public ClockState read() {
        requireAdjustable();
        return state();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the clock's offset from the system time, in seconds (0 puts it back)")
    public ClockState move(ClockMove move) {
        requireAdjustable();
        if (move == null || Math.abs(move.getOffsetSeconds()) > Duration.ofDays(3650).toSeconds()) {
            throw ProblemException.badRequest("clock-offset-invalid", "offsetSeconds must be within ten years");
        }
        clock.setOffset(Duration.ofSeconds(move.getOffsetSeconds()));
        return state();
    }

    private void requireAdjustable() {
        if (!clock.isAdjustable()) {
            throw ProblemException.notFound("http-404", "No such resource");
        }
    }

    private ClockState state() {
        return new ClockState(DateTimeFormatter.ISO_INSTANT.format(clock.instant()), clock.offset().toSeconds());
    }
}
