package org.tlsrpthub.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A {@code result-type} value (RFC 8460 §4.3, IANA "STARTTLS Validation Result Types"). The registry
 * is open, so any string is a valid value and is kept verbatim; {@link #isRegistered()} tells
 * whether it is one of the registered values.
 */
public record ResultType(String value) {

    // RFC 8460 §4.3.1 negotiation failures
    public static final ResultType STARTTLS_NOT_SUPPORTED = new ResultType("starttls-not-supported");
    public static final ResultType CERTIFICATE_HOST_MISMATCH = new ResultType("certificate-host-mismatch");
    public static final ResultType CERTIFICATE_EXPIRED = new ResultType("certificate-expired");
    public static final ResultType CERTIFICATE_NOT_TRUSTED = new ResultType("certificate-not-trusted");
    public static final ResultType VALIDATION_FAILURE = new ResultType("validation-failure");
    // RFC 8460 §4.3.2.1 DANE
    public static final ResultType TLSA_INVALID = new ResultType("tlsa-invalid");
    public static final ResultType DNSSEC_INVALID = new ResultType("dnssec-invalid");
    public static final ResultType DANE_REQUIRED = new ResultType("dane-required");
    // RFC 8460 §4.3.2.2 MTA-STS
    public static final ResultType STS_POLICY_FETCH_ERROR = new ResultType("sts-policy-fetch-error");
    public static final ResultType STS_POLICY_INVALID = new ResultType("sts-policy-invalid");
    public static final ResultType STS_WEBPKI_INVALID = new ResultType("sts-webpki-invalid");

    /** Every registered value, in registry order. */
    public static final List<ResultType> REGISTERED = List.of(
            STARTTLS_NOT_SUPPORTED, CERTIFICATE_HOST_MISMATCH, CERTIFICATE_EXPIRED,
            CERTIFICATE_NOT_TRUSTED, VALIDATION_FAILURE, TLSA_INVALID, DNSSEC_INVALID, DANE_REQUIRED,
            STS_POLICY_FETCH_ERROR, STS_POLICY_INVALID, STS_WEBPKI_INVALID);

    public ResultType {
        Objects.requireNonNull(value, "value");
    }

    public static ResultType of(String value) {
        for (ResultType t : REGISTERED) {
            if (t.value.equals(value)) return t;
        }
        return new ResultType(value);
    }

    public boolean isRegistered() {
        return REGISTERED.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
