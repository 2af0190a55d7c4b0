package dev.cdpconsole.common.cache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers what the database said for a few seconds, and forgets everything at once when it changes. A value
 * read while a change committed is not remembered: take {@link #generation()} before reading, and hand it to
 * {@link #remember}. Zero seconds remembers nothing; past its size limit it starts afresh.
 */
public final class ShortMemory<K, V> {

    private record Entry<V>(V value, long at) {
    }

    private final long nanos;
    private final int limit;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public ShortMemory(int seconds, int limit) {
        this.nanos = seconds * 1_000_000_000L;
        this.limit = limit;
    }

    /** The value remembered for the key, if it is younger than the memory's time. */
    public Optional<V> recall(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && System.nanoTime() - entry.at() < nanos ? Optional.of(entry.value()) : Optional.empty();
    }

    /** How many changes have been seen; take it before reading what {@link #remember} will keep. */
    public long generation() {
        return changes.get();
    }

    /** Remembers the value, unless a change came since {@code generation} (it may be out of date). */
    public void remember(K key, V value, long generation) {
        if (nanos <= 0) {
            return;
        }
        if (entries.size() >= limit) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, System.nanoTime()));
        if (changes.get() != generation) {
            entries.remove(key);
        }
    }

    public void forget(K key) {
        entries.remove(key);
    }

    /** Something changed: forget everything, and anything being read meanwhile. */
    public void forgetAll() {
        changes.incrementAndGet();
        entries.clear();
    }
}
