package dev.cdpconsole.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdpconsole.common.security.FailureThrottle.Kind;
import dev.cdpconsole.common.time.AdjustableClock;

class FailureThrottleTest {

    AdjustableClock clock;
    FailureThrottle cut;

    @BeforeEach
    void setUp() {
        clock = new AdjustableClock(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), true);
        cut = new FailureThrottle();
        cut.clock = clock;
        cut.maxFailures = 4;
        cut.maxFailuresPerAddress = 8;
        cut.windowSeconds = 900;
        cut.lockoutSeconds = 300;
        cut.slowAfter = 100; // no waiting in a unit test
    }

    @Test
    void locksOutAtTheMaximumAndTellsHowLong() {
        for (int i = 0; i < 3; i++) {
            cut.failed(Kind.CLIENT, "c");
        }
        assertTrue(cut.lockedFor(Kind.CLIENT, "c").isEmpty());
        cut.failed(Kind.CLIENT, "c");
        assertEquals(Duration.ofSeconds(300), cut.lockedFor(Kind.CLIENT, "c").orElseThrow());
        assertEquals(300L, cut.retryAfter(Kind.CLIENT, "c", Kind.ADDRESS, "a").orElseThrow());
        assertTrue(cut.lockedFor(Kind.CLIENT, "other").isEmpty(), "keys are separate");
        clock.setOffset(Duration.ofSeconds(301));
        assertTrue(cut.lockedFor(Kind.CLIENT, "c").isEmpty(), "the lockout passes");
    }

    @Test
    void addressesHaveTheirOwnHigherMaximum() {
        for (int i = 0; i < 7; i++) {
            cut.failed(Kind.ADDRESS, "127.0.0.1");
        }
        assertTrue(cut.lockedFor(Kind.ADDRESS, "127.0.0.1").isEmpty());
        cut.failed(Kind.ADDRESS, "127.0.0.1");
        assertTrue(cut.retryAfter(Kind.CLIENT, "c", Kind.ADDRESS, "127.0.0.1").isPresent());
    }

    @Test
    void failuresOutsideTheWindowStartAgainAndSuccessClears() {
        for (int i = 0; i < 3; i++) {
            cut.failed(Kind.USER, "admin");
        }
        clock.setOffset(Duration.ofSeconds(901));
        cut.failed(Kind.USER, "admin");
        assertTrue(cut.lockedFor(Kind.USER, "admin").isEmpty(), "the old failures fell out of the window");
        cut.failed(Kind.USER, "admin");
        cut.failed(Kind.USER, "admin");
        cut.succeeded(Kind.USER, "admin");
        cut.failed(Kind.USER, "admin");
        cut.failed(Kind.USER, "admin");
        assertTrue(cut.lockedFor(Kind.USER, "admin").isEmpty(), "a success starts the count again");
    }
}
