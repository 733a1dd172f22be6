package org.tlsrpthub.core.taxonomy;

/**
 * What part of the receiving side a failure points at. The grouping follows RFC 8460 §4.3:
 * §4.3.1 negotiation failures split into {@link #STARTTLS} and {@link #CERTIFICATE}, §4.3.2.1 is
 * {@link #DANE_DNSSEC}, §4.3.2.2 is {@link #MTA_STS_POLICY}, and the general
 * {@code validation-failure} (§4.3.3) as well as unregistered values are {@link #OTHER}.
 */
public enum FailureCategory {
    CERTIFICATE("Certificate"),
    STARTTLS("STARTTLS"),
    MTA_STS_POLICY("MTA-STS policy"),
    DANE_DNSSEC("DANE/DNSSEC"),
    OTHER("Other");

    private final String label;

    FailureCategory(String label) {
        this.label = label;
    }

    /** A short label for display, such as "MTA-STS policy". */
    public String label() {
        return label;
    }
}
