package org.tlsrpthub.hub.ingest;

/** What became of an input or of one report in it. */
public enum IngestStatus {
    /** Stored now. */
    STORED,
    /** Already stored; recorded as a sighting. */
    DUPLICATE,
    /** Kept in quarantine with the reason (unparseable, or a domain that is not served). */
    QUARANTINED,
    /** Refused without storing (a domain that is not served, with the setting "reject"). */
    REJECTED
}
