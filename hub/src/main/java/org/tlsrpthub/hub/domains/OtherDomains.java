package org.tlsrpthub.hub.domains;

import java.util.Locale;

/** What to do with a report none of whose policy domains is served. */
public enum OtherDomains {
    STORE, QUARANTINE, REJECT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OtherDomains fromId(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected store, quarantine or reject, not: " + id, e);
        }
    }
}
