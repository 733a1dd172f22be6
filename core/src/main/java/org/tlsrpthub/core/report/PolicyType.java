package org.tlsrpthub.core.report;

import java.util.List;
import java.util.Objects;

/** A {@code policy-type} value (RFC 8460 §4.4). Open: unknown values are kept verbatim. */
public record PolicyType(String value) {

    public static final PolicyType TLSA = new PolicyType("tlsa");
    public static final PolicyType STS = new PolicyType("sts");
    public static final PolicyType NO_POLICY_FOUND = new PolicyType("no-policy-found");

    public static final List<PolicyType> REGISTERED = List.of(TLSA, STS, NO_POLICY_FOUND);

    public PolicyType {
        Objects.requireNonNull(value, "value");
    }

    public static PolicyType of(String value) {
        for (PolicyType t : REGISTERED) {
            if (t.value.equals(value)) return t;
        }
        return new PolicyType(value);
    }

    public boolean isRegistered() {
        return REGISTERED.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
