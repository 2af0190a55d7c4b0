package dev.cdpconsole.common.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one source of time: every service injects this clock, so tests and time-based rules agree. */
@ApplicationScoped
public class ClockProducer {

    @Inject
    @ConfigProperty(name = "cdp.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    /** A plain singleton (no client proxy): the clock is read on hot paths. */
    @Produces
    @Singleton
    AdjustableClock clock() {
        return new AdjustableClock(Clock.systemUTC(), adjustable);
    }
}
