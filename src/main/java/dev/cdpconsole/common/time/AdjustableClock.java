package dev.cdpconsole.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock, which tests may move forward when {@code cdp.clock.adjustable=true} (never in production:
 * it is off by default, and then the offset can only be zero). Grace periods, token lifetimes and the age and
 * idle flags of secrets all read this clock, so a test can see them pass without waiting.
 */
public class AdjustableClock extends Clock {

    private final Clock base;
    private final boolean adjustable;
    private volatile Duration offset = Duration.ZERO;

    public AdjustableClock(Clock base, boolean adjustable) {
        this.base = base;
        this.adjustable = adjustable;
    }

    public boolean isAdjustable() {
        return adjustable;
    }

    public Duration offset() {
        return offset;
    }

    /** Moves the clock to the system time plus the offset; refused unless the clock is adjustable. */
    public void setOffset(Duration newOffset) {
        if (!adjustable) {
            throw new IllegalStateException("the clock is not adjustable");
        }
        offset = newOffset;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
