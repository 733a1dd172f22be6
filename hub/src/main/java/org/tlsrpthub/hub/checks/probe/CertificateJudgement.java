package org.tlsrpthub.hub.checks.probe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.MxHost.CertificateInfo;

/** The presented leaf certificate described, and judged as an MTA-STS sender would judge it. */
final class CertificateJudgement {
    private final ChainValidator validator;
    private final int expiresSoonDays;

    CertificateJudgement(ChainValidator validator, int expiresSoonDays) {
        this.validator = validator;
        this.expiresSoonDays = expiresSoonDays;
    }

    record Verdict(CertificateInfo info, List<Finding> findings) {}

    Verdict judge(String host, String subject, List<X509Certificate> chain, Instant now) {
        X509Certificate leaf = chain.get(0);
        List<String> names = HostNameMatch.names(leaf);
        String trustProblem = validator.problem(chain, now);
        boolean nameMatches = HostNameMatch.matches(host, names);
        Instant notAfter = leaf.getNotAfter().toInstant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        long days = Duration.between(now, notAfter).toDays();
        List<Finding> findings = new ArrayList<>();
        if (trustProblem != null) findings.add(MxFindings.notTrusted(subject, trustProblem));
        if (!nameMatches) findings.add(MxFindings.hostMismatch(subject, host, names));
        if (now.isAfter(notAfter)) {
            findings.add(MxFindings.expired(subject, notAfter.toString()));
        } else if (now.isBefore(notBefore)) {
            findings.add(MxFindings.notYetValid(subject, notBefore.toString()));
        } else if (days < expiresSoonDays) {
            findings.add(MxFindings.expiresSoon(subject, days, notAfter.toString()));
        }
        PublicKey key = leaf.getPublicKey();
        CertificateInfo info = new CertificateInfo(leaf.getSubjectX500Principal().getName(), names,
                leaf.getIssuerX500Principal().getName(), notBefore.toString(), notAfter.toString(), days,
                key.getAlgorithm(), keySize(key), trustProblem == null, nameMatches, sha256(leaf));
        return new Verdict(info, findings);
    }

    static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) return rsa.getModulus().bitLength();
        if (key instanceof ECPublicKey ec) return ec.getParams().getOrder().bitLength();
        return switch (key.getAlgorithm()) {
            case "Ed25519" -> 255;
            case "Ed448" -> 448;
            default -> 0;
        };
    }

    static String sha256(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash a certificate the handshake accepted: " + e.getMessage(), e);
        }
    }
}
