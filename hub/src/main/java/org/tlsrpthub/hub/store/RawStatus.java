package org.tlsrpthub.hub.store;

/** Values of {@code raw_input.status}. */
public final class RawStatus {
    private RawStatus() {}

    /** At least one report of the input was accepted. */
    public static final String PARSED = "parsed";
    /** Nothing in the input was accepted; see the quarantine row. */
    public static final String QUARANTINED = "quarantined";
}
