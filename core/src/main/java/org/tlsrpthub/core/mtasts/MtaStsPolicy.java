package org.tlsrpthub.core.mtasts;

import java.util.List;
import java.util.Objects;

/**
 * A valid MTA-STS policy (RFC 8461 §3.2). The version is always STSv1, so it is not stored.
 *
 * @param mode   what senders do on failure
 * @param maxAge seconds the policy may be cached, 0 to 31,557,600
 * @param mx     allowed MX host patterns, each once, in file order; empty only for mode none
 */
public record MtaStsPolicy(PolicyMode mode, long maxAge, List<MxPattern> mx) {

    public MtaStsPolicy {
        Objects.requireNonNull(mode, "mode");
        mx = List.copyOf(mx);
        if (maxAge < 0 || maxAge > MtaStsPolicyParser.MAX_AGE_LIMIT) throw new IllegalArgumentException("max_age " + maxAge);
    }

    /** True if some pattern matches the MX host (RFC 8461 §4.1). */
    public boolean matches(String mxHost) {
        return mx.stream().anyMatch(p -> p.matches(mxHost));
    }

    /** The policy file text, lines ending in CRLF as RFC 8461 §3.2 shows them. */
    public String toText() {
        StringBuilder sb = new StringBuilder("version: STSv1\r\nmode: ").append(mode.value()).append("\r\n");
        for (MxPattern p : mx) sb.append("mx: ").append(p.pattern()).append("\r\n");
        return sb.append("max_age: ").append(maxAge).append("\r\n").toString();
    }
}
