package org.tlsrpthub.hub.checks.probe;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.TLSARecord;

/**
 * Matches TLSA records against a presented chain as RFC 7672 says an SMTP sender does: usage 3
 * (DANE-EE) against the leaf, usage 2 (DANE-TA) against an issuer in the chain that the leaf
 * chains up to; selector 0 (whole certificate) or 1 (public key); matching type 0 (exact), 1
 * (SHA-256) or 2 (SHA-512). Usages 0 and 1 (PKIX) are unusable for SMTP.
 */
final class TlsaMatch {
    private TlsaMatch() {}

    static boolean usable(TLSARecord r) {
        return (r.getCertificateUsage() == 2 || r.getCertificateUsage() == 3)
                && (r.getSelector() == 0 || r.getSelector() == 1)
                && r.getMatchingType() >= 0 && r.getMatchingType() <= 2;
    }

    /** Whether the usable record {@code r} matches the chain (leaf first). */
    static boolean matches(TLSARecord r, List<X509Certificate> chain) {
        if (chain.isEmpty() || !usable(r)) return false;
        if (r.getCertificateUsage() == 3) return matchesCertificate(r, chain.get(0));
        for (int i = 1; i < chain.size(); i++) {
            if (matchesCertificate(r, chain.get(i)) && signedUpTo(chain, i)) return true;
        }
        return false;
    }

    private static boolean matchesCertificate(TLSARecord r, X509Certificate c) {
        byte[] selected = r.getSelector() == 0 ? encoded(c) : c.getPublicKey().getEncoded();
        byte[] data = switch (r.getMatchingType()) {
            case 1 -> digest("SHA-256", selected);
            case 2 -> digest("SHA-512", selected);
            default -> selected;
        };
        return Arrays.equals(data, r.getCertificateAssociationData());
    }

    /** Each certificate up to {@code top} is signed by the next one's key. */
    private static boolean signedUpTo(List<X509Certificate> chain, int top) {
        for (int i = 0; i < top; i++) {
            try {
                chain.get(i).verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a certificate the handshake accepted: " + e.getMessage(), e);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
