package org.tlsrpthub.hub.smtp;

/** What the listener does with mail that holds no report (setting {@code smtp.no-report}). */
public enum NoReportAction {
    /** Keep it in the store's quarantine and answer 250: nothing a sender sends is lost. */
    QUARANTINE,
    /** Refuse it with 550 at the end of DATA; nothing is stored. */
    REJECT
}
