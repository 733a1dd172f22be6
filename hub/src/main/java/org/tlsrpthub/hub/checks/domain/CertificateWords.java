package org.tlsrpthub.hub.checks.domain;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Why a presented certificate was refused, in plain words: expired, names another host, or no trusted issuer. */
final class CertificateWords {
    private CertificateWords() {}

    static String whyRefused(X509Certificate leaf, String host, String trustedBy, String jdkReason) {
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException e) {
            return "it expired on " + leaf.getNotAfter().toInstant();
        } catch (CertificateNotYetValidException e) {
            return "it is not valid before " + leaf.getNotBefore().toInstant();
        }
        List<String> names = dnsNames(leaf);
        if (names.stream().noneMatch(n -> matches(n, host))) {
            return "it is for " + (names.isEmpty() ? "no DNS name" : String.join(", ", names)) + ", not " + host;
        }
        return "it is not issued by a CA in " + trustedBy + " (" + jdkReason + ")";
    }

    static List<String> dnsNames(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) names.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN extension names nothing
        }
        return names;
    }

    /** RFC 6125 §6.4.3 as MTA-STS uses it: exact, or a wildcard standing for exactly the leftmost label. */
    static boolean matches(String name, String host) {
        String n = name.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (!n.startsWith("*.")) return n.equals(h);
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot).equals(n.substring(1));
    }
}
