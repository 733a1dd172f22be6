package org.tlsrpthub.core.mtasts;

import java.util.Optional;

/** The {@code mode} of an MTA-STS policy (RFC 8461 §5). Values are case-sensitive (RFC 8461 §3.2). */
public enum PolicyMode {
    /** Never deliver to an MX that fails matching, certificate validation or STARTTLS. */
    ENFORCE("enforce"),
    /** Deliver anyway, and report the failures via TLS-RPT. */
    TESTING("testing"),
    /** No policy; used to withdraw one. */
    NONE("none");

    private final String value;

    PolicyMode(String value) {
        this.value = value;
    }

    /** As written in a policy file. */
    public String value() {
        return value;
    }

    public static Optional<PolicyMode> of(String value) {
        for (PolicyMode m : values()) {
            if (m.value.equals(value)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
