package dev.cdpconsole.platform.system;

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
import dev.cdpconsole.platform.activation.RunExecutor;
import dev.cdpconsole.platform.auth.RequiresRole;
import dev.cdpconsole.platform.auth.Role;

/**
 * {@code /data/foundation/system/activation-hold} (ours, for tests, only where {@code cdp.clock.adjustable=true};
 * 404 elsewhere): holds the runs this server claims, so that a test can see the guardrails of a run that is going
 * on, and, moving the clock, a run whose server stopped being marked interrupted.
 */
@RequestScoped
@Path("/data/foundation/system/activation-hold")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
@Tag(name = "System")
public class ActivationHoldResource {

    @Inject
    AdjustableClock clock;

    @Inject
    RunExecutor executor;

    /** Whether claimed runs are held. */
    public record Hold(boolean hold) {
    }

    /** The body of a change. */
    public static class HoldChange {
        private boolean hold;

        public boolean isHold() {
            return hold;
        }

        public void setHold(boolean hold) {
            this.hold = hold;
        }
    }

    @GET
    @Operation(summary = "Whether claimed runs are held")
    public Hold read() {
        requireAdjustable();
        return new Hold(executor.isHeld());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hold claimed runs (true), or let them go on (false)")
    public Hold change(HoldChange change) {
        requireAdjustable();
        executor.hold(change != null && change.isHold());
        return new Hold(executor.isHeld());
    }

    private void requireAdjustable() {
        if (!clock.isAdjustable()) {
            throw ProblemException.notFound("http-404", "No such resource");
        }
    }
}
