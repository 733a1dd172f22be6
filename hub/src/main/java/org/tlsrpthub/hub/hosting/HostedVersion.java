package org.tlsrpthub.hub.hosting;

import java.time.Instant;
import java.util.List;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MtaStsRecord;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;

/**
 * One version of a hosted MTA-STS policy: what is served, the id to publish, and who made it, when
 * and why.
 *
 * @param version    1, 2, ... per domain
 * @param policyId   the {@code id=} of the {@code _mta-sts} TXT record that announces this version
 * @param action     how the version came to be
 * @param reason     the person's reason, or null
 * @param verdict    the readiness verdict when the version was a promote, or null
 * @param serveUntil for a {@code mode: none} rollback, when senders' cached policies have expired
 *                   (RFC 8461 §8.3) and the hub may stop serving it; otherwise null
 */
public record HostedVersion(String domain, int version, String policyId, MtaStsPolicy policy, Action action, String reason,
        String verdict, String actor, Instant createdAt, Instant serveUntil) {

    /** How a version came to be. */
    public enum Action {
        CREATE, EDIT, PROMOTE, ROLLBACK, IMPORT;

        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Action of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The policy file as served: RFC 8461 §3.2 text with CRLF line ends. */
    public String text() {
        return policy.toText();
    }

    /** The TXT record to publish at {@code _mta-sts.DOMAIN} for this version. */
    public String txtRecord() {
        return new MtaStsRecord(policyId, List.of()).toText();
    }

    /** Whether the hub still serves this version at {@code at}: a mode none version only until serve_until. */
    public boolean servedAt(Instant at) {
        return serveUntil == null || at.isBefore(serveUntil);
    }

    public PolicyMode mode() {
        return policy.mode();
    }

    public List<String> mxPatterns() {
        return policy.mx().stream().map(MxPattern::pattern).toList();
    }
}
