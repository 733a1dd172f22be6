package org.tlsrpthub.hub.readiness;

import java.time.LocalDate;

/**
 * The policy a domain publishes now, as far as the hub knows, and where that knowledge comes from.
 *
 * @param since the first day it was in force: hosted since, or first reported; null when unknown
 */
public record CurrentPolicy(PolicyVersion version, Source source, LocalDate since) {

    /** In the order the verdict trusts them (issue 13 §1 "Current policy"). */
    public enum Source {
        /** The hub serves the policy file itself (issue 13 §2). */
        HOSTED,
        /** The policy the live checks last fetched from the domain's policy host (issue 11). */
        LIVE,
        /** The policy most reporters applied in their latest reports. */
        REPORTS;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
