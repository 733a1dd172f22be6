package org.tlsrpthub.hub.alerts;

/** What one evaluation changed: incidents opened, materially updated and resolved. */
public record IncidentChanges(int opened, int updated, int resolved) {
    @Override
    public String toString() {
        return opened + " opened, " + updated + " updated, " + resolved + " resolved";
    }
}
