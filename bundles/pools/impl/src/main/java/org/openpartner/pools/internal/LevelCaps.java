package org.openpartner.pools.internal;

import java.util.Map;

/** Company holding caps by partner level: the level's cap when the pool names it (ignoring case), else the pool's. */
final class LevelCaps {

    private LevelCaps() {
    }

    static Integer capFor(Map<String, Integer> byLevel, String level, Integer fallback) {
        String wanted = Distributor.normalized(level);
        if (wanted != null) {
            for (Map.Entry<String, Integer> entry : byLevel.entrySet()) {
                if (wanted.equals(Distributor.normalized(entry.getKey()))) {
                    return entry.getValue();
                }
            }
        }
        return fallback;
    }
}
