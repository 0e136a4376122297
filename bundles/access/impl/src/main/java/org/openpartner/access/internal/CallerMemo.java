package org.openpartner.access.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.openpartner.platform.api.CallContext;

/**
 * Values computed for one caller <em>instance</em> and a key, kept for a moment. The REST layer makes a new
 * {@link CallContext} for every request and hands that instance to everything the request runs, so an entry is
 * found again only within its own request: two requests of the same user, equal as records, never share one, and no
 * change of rights waits for an entry to expire. The age limit bounds what a long operation holding one context
 * (an import, a console command) keeps using; the size limit bounds memory.
 */
final class CallerMemo<V> {

    private final int maxEntries;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Map<Key, Entry<V>> entries;

    CallerMemo(int maxEntries, long maxAgeMillis) {
        this(maxEntries, maxAgeMillis, () -> System.nanoTime() / 1_000_000);
    }

    /** @param clock milliseconds from any origin, never going back */
    CallerMemo(int maxEntries, long maxAgeMillis, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry<V>> eldest) {
                return size() > CallerMemo.this.maxEntries;
            }
        };
    }

    /** The value for this caller instance and key, computed outside the lock when it is not kept or too old. */
    V get(CallContext caller, String key, Supplier<V> compute) {
        Key k = new Key(caller, key);
        long now = clock.getAsLong();
        synchronized (entries) {
            Entry<V> kept = entries.get(k);
            if (kept != null && now - kept.at() <= maxAgeMillis) {
                return kept.value();
            }
        }
        V value = compute.get();
        synchronized (entries) {
            entries.put(k, new Entry<>(value, now));
        }
        return value;
    }

    private record Entry<V>(V value, long at) {
    }

    /** Equal only for the same context instance (records compare by value, which is what must not happen here). */
    private static final class Key {
        private final CallContext caller;
        private final String key;

        Key(CallContext caller, String key) {
            this.caller = caller;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.caller == caller && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(caller) + key.hashCode();
        }
    }
}
