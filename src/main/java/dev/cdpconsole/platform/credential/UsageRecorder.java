package dev.cdpconsole.platform.credential;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the use of every secret and the calls of every credential per day in memory, and writes them in one
 * batch every {@code cdp.credentials.usage-flush-seconds} (60): no database write on the request path, at most
 * one write a minute per secret. Reads add what is not written yet, so usage is current on this node.
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    UsageStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "cdp.credentials.usage-flush-seconds", defaultValue = "60")
    long flushSeconds;

    /** Not yet written: the use of a secret. */
    static final class SecretUse {
        final long credentialId;
        final LongAdder count = new LongAdder();
        volatile OffsetDateTime lastUsed;

        SecretUse(long credentialId) {
            this.credentialId = credentialId;
        }
    }

    record Day(long credentialId, LocalDate day) {
    }

    private final Map<Long, SecretUse> secrets = new ConcurrentHashMap<>();
    private final Map<Day, LongAdder> days = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    @PostConstruct
    void start() {
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, flushSeconds, flushSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flushQuietly();
    }

    /** One use of a secret by its credential (a token minted, or a call made with one of its tokens). */
    public void used(long credentialId, long secretId) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        SecretUse use = secrets.computeIfAbsent(secretId, id -> new SecretUse(credentialId));
        use.count.increment();
        use.lastUsed = now;
        days.computeIfAbsent(new Day(credentialId, now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()),
                d -> new LongAdder()).increment();
    }

    /** Uses not yet written, and the time of the last one, of a secret. */
    long pendingUses(long secretId) {
        SecretUse use = secrets.get(secretId);
        return use == null ? 0 : use.count.sum();
    }

    OffsetDateTime pendingLastUse(long secretId) {
        SecretUse use = secrets.get(secretId);
        return use == null ? null : use.lastUsed;
    }

    long pendingCalls(long credentialId, LocalDate day) {
        LongAdder calls = days.get(new Day(credentialId, day));
        return calls == null ? 0 : calls.sum();
    }

    /** Writes what was counted since the last flush. */
    public synchronized void flush() {
        secrets.forEach((secretId, use) -> {
            long count = use.count.sumThenReset();
            if (count > 0) {
                try {
                    store.addSecretUse(secretId, count, use.lastUsed);
                } catch (RuntimeException e) {
                    use.count.add(count); // kept for the next flush
                    throw e;
                }
            }
        });
        days.forEach((day, calls) -> {
            long count = calls.sumThenReset();
            if (count > 0) {
                try {
                    store.addCalls(day.credentialId(), day.day(), count);
                } catch (RuntimeException e) {
                    calls.add(count); // kept for the next flush
                    throw e;
                }
            }
        });
        LocalDate today = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        days.entrySet().removeIf(e -> e.getKey().day().isBefore(today) && e.getValue().sum() == 0);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Credential usage could not be written; it will be tried again", e);
        }
    }
}
