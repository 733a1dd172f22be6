package org.tlsrpthub.hub.checks.probe;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.tlsrpthub.hub.checks.CaFile;

/**
 * Whether a presented chain leads to a trusted root: the JDK's trust store plus the operator's
 * optional CA file, as a sending MTA enforcing MTA-STS would decide (RFC 8461 §4.2). Revocation is
 * not checked: senders do not check it either.
 */
final class ChainValidator {
    private final Set<TrustAnchor> anchors;

    private ChainValidator(Set<TrustAnchor> anchors) {
        this.anchors = anchors;
    }

    /** The JDK's roots, plus every certificate of {@code cas}. */
    static ChainValidator create(CaFile cas) {
        Set<TrustAnchor> anchors = new HashSet<>();
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) for (X509Certificate c : x.getAcceptedIssuers()) anchors.add(new TrustAnchor(c, null));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's trust store: " + e.getMessage(), e);
        }
        for (X509Certificate c : cas.certificates()) anchors.add(new TrustAnchor(c, null));
        return new ChainValidator(Set.copyOf(anchors));
    }

    /**
     * Null when the chain validates at {@code at}, else why not. Validity dates are judged at a time
     * inside the leaf's own validity, so an expired but otherwise trusted certificate reads as
     * trusted here; expiry is its own finding.
     */
    String problem(List<X509Certificate> chain, Instant at) {
        if (chain.isEmpty()) return "the server presented no certificate";
        X509Certificate leaf = chain.get(0);
        Instant when = at;
        if (when.isAfter(leaf.getNotAfter().toInstant())) when = leaf.getNotAfter().toInstant().minusSeconds(1);
        if (when.isBefore(leaf.getNotBefore().toInstant())) when = leaf.getNotBefore().toInstant().plusSeconds(1);
        try {
            // A server may send its root too; PKIX wants the path without the anchor.
            List<X509Certificate> path = chain.stream().filter(c -> !isAnchor(c)).toList();
            if (path.isEmpty()) return null;
            PKIXParameters p = new PKIXParameters(anchors);
            p.setRevocationEnabled(false);
            p.setDate(Date.from(when));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), p);
            return null;
        } catch (CertPathValidatorException e) {
            return e.getReason() == CertPathValidatorException.BasicReason.UNSPECIFIED && e.getMessage() != null
                    && e.getMessage().contains("anchor")
                    ? "the chain does not lead to a trusted root (issuer of the last certificate: "
                    + chain.get(chain.size() - 1).getIssuerX500Principal().getName() + ")"
                    : "the chain does not validate: " + e.getMessage();
        } catch (GeneralSecurityException e) {
            return "the chain cannot be validated: " + e.getMessage();
        }
    }

    private boolean isAnchor(X509Certificate c) {
        for (TrustAnchor a : anchors) if (c.equals(a.getTrustedCert())) return true;
        return false;
    }
}
