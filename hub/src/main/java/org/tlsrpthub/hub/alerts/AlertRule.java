package org.tlsrpthub.hub.alerts;

import java.util.Map;

/** What every rule has: an id and parameters with defaults, tunable per domain (docs/alerts.md). */
public interface AlertRule {
    /** The rule id used in settings, incidents and the API ([a-z-]+). */
    String id();

    /**
     * The rule's parameters and their defaults; a name ending in {@code -percent} must lie in 0..100,
     * the others are whole numbers of at least 1 (days, sessions, minutes, hours).
     */
    Map<String, Double> defaults();

    /** The defaults under these settings: a rule whose default follows another setting of the hub says so here. */
    default Map<String, Double> defaults(org.tlsrpthub.hub.config.Settings settings) {
        return defaults();
    }
}
