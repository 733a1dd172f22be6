package org.tlsrpthub.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Why an input (or part of it) was quarantined instead of stored.
 *
 * @param kind    a {@code ReportParseException.Kind} name, or {@link #OTHER_DOMAIN}
 * @param reason  what is wrong, without location: the key under which reasons are grouped
 * @param message the full message with source and location
 * @param expiresAt when the input is deleted as junk; null: kept until a person acts
 */
public record Quarantine(String kind, String reason, String message, Instant expiresAt) {
    public static final String OTHER_DOMAIN = "OTHER_DOMAIN";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    public Quarantine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public Quarantine(String kind, String reason, String message) {
        this(kind, reason, message, null);
    }

    public Quarantine expiringAt(Instant when) {
        return new Quarantine(kind, reason, message, when);
    }
}
