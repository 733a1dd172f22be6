package org.tlsrpthub.hub.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The conditions found at {@code at}, in key order.
 *
 * @param domains the domains looked at (every domain with rollups or a stored live check when {@code full})
 * @param full    true when every domain and the hub rules were evaluated, so that an incident whose
 *                condition is absent here may be resolved whatever its domain
 */
public record Evaluation(Instant at, boolean full, Set<String> domains, List<Signal> signals) {
    public Evaluation {
        domains = Set.copyOf(domains);
        signals = List.copyOf(signals);
    }
}
