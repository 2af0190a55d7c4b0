package dev.cdpconsole.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows and then refuses repeated failed sign-ins and token requests, per key (a client id, a user name, an
 * address). Failures count within a window; past a few each answer waits a little longer; past the maximum the
 * key is locked out for a while and callers answer 429 with {@code Retry-After}. Kept in memory, per node.
 */
@ApplicationScoped
public class FailureThrottle {

    private static final int MAX_TRACKED = 50_000;

    @Inject
    @ConfigProperty(name = "cdp.throttle.max-failures", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "cdp.throttle.max-failures-per-address", defaultValue = "50")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "cdp.throttle.window-seconds", defaultValue = "900")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "cdp.throttle.lockout-seconds", defaultValue = "300")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "cdp.throttle.slow-after", defaultValue = "3")
    int slowAfter;

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    /** The kinds of key, each with its own maximum. */
    public enum Kind {
        CLIENT, USER, ADDRESS
    }

    /** How long the key is still locked out, if it is. */
    public Optional<Duration> lockedFor(Kind kind, String key) {
        Failures state = failures.get(kind + ":" + key);
        Instant now = clock.instant();
        if (state == null || state.lockedUntil() == null || !state.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.lockedUntil()));
    }

    /** Seconds to send in {@code Retry-After} for the first locked key, if any is locked. */
    public Optional<Long> retryAfter(Kind kind, String key, Kind otherKind, String otherKey) {
        return lockedFor(kind, key).or(() -> lockedFor(otherKind, otherKey))
                .map(d -> Math.max(1, d.toSeconds() + (d.toMillisPart() > 0 ? 1 : 0)));
    }

    /** Records a failure and waits the growing delay it earns. */
    public void failed(Kind kind, String key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> e.getValue().since().plusSeconds(windowSeconds).isBefore(now));
        }
        int max = kind == Kind.ADDRESS ? maxFailuresPerAddress : maxFailures;
        Failures after = failures.compute(kind + ":" + key, (k, before) -> {
            if (before == null || before.since().plusSeconds(windowSeconds).isBefore(now)) {
                return new Failures(1, now, null);
            }
            int count = before.count() + 1;
            Instant locked = count >= max ? now.plusSeconds(lockoutSeconds) : before.lockedUntil();
            return new Failures(count, before.since(), locked);
        });
        int excess = after.count() - slowAfter;
        if (excess > 0) {
            sleep(Math.min(2000, 100L * excess));
        }
    }

    /** A success clears the key's failures. */
    public void succeeded(Kind kind, String key) {
        failures.remove(kind + ":" + key);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
