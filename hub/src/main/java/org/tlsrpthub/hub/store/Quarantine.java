package org.tlsrpthub.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Why an input (or part of it) was quarantined instead of stored.
 *
 * @param kind    a {@code ReportParseException.Kind} name, or one of the kinds named here
 * @param reason  what is wrong, without location: the key under which reasons are grouped
 * @param message the full message with source and location
 * @param expiresAt when the input is deleted as junk; null: kept until a person acts
 */
public record Quarantine(String kind, String reason, String message, Instant expiresAt) {
    public static final String OTHER_DOMAIN = "OTHER_DOMAIN";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    /** Held back by dkim.policy=require (RFC 8460 §3): no re-parse makes a missing or broken signature valid. */
    public static final String DKIM = "DKIM";
    /** A report with the dedup key of a stored report but other content, in review ({@code report_contender}). */
    public static final String CONFLICT = "CONFLICT";
    /** The reason of a {@link #CONFLICT} arrival: the stored report keeps counting. */
    public static final String HELD_REASON = "same reporter, report-id and date range as a stored report, other content";
    /** The reason of a {@link #CONFLICT} input whose report a DKIM-verified one replaced. */
    public static final String DISPLACED_REASON =
            "displaced by a DKIM-verified report with the same reporter, report-id and date range";

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
