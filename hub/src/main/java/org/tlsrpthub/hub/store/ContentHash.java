package org.tlsrpthub.hub.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * The SHA-256 of what a report says, whatever bytes carried it: a retry, the same JSON pretty-printed
 * or re-gzipped, or the report inside an email hash alike; a report with any other value does not.
 *
 * <p>It hashes the values as the store's columns hold them (policy strings and MX hosts joined by
 * newlines), so that a hash computed from stored rows (the V30 back-fill, {@link ContentHashBackfill})
 * equals the hash of a fresh parse of the same report. Parser warnings are left out: they describe
 * the parser, not the report.
 */
final class ContentHash {
    private ContentHash() {}

    static byte[] of(Report r) {
        MessageDigest md = sha256();
        text(md, r.organizationName());
        text(md, r.contactInfo());
        for (PolicyResult p : r.policies()) {
            text(md, "policy");
            text(md, p.policy().type().value());
            text(md, p.policy().domain());
            text(md, String.join("\n", p.policy().policyStrings()));
            text(md, String.join("\n", p.policy().mxHosts()));
            number(md, p.summary().totalSuccessfulSessionCount());
            number(md, p.summary().totalFailureSessionCount());
            for (FailureDetail d : p.failureDetails()) {
                text(md, "detail");
                text(md, d.resultType().value());
                text(md, d.sendingMtaIp());
                text(md, d.receivingMxHostname());
                text(md, d.receivingMxHelo());
                text(md, d.receivingIp());
                number(md, d.failedSessionCount());
                text(md, d.additionalInformation());
                text(md, d.failureReasonCode());
            }
        }
        return md.digest();
    }

    // Length-prefixed, null distinct from "": no two different reports give the same byte stream.
    private static void text(MessageDigest md, String s) {
        if (s == null) {
            number(md, -1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        number(md, b.length);
        md.update(b);
    }

    private static void number(MessageDigest md, long n) {
        md.update(ByteBuffer.allocate(Long.BYTES).putLong(n).array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
