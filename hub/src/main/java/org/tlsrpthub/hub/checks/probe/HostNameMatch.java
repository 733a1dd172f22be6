package org.tlsrpthub.hub.checks.probe;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Whether a certificate names the MX host the way MTA-STS requires (RFC 8461 §4.1, RFC 6125 §6.4):
 * a DNS name equal to the host, or a wildcard as the whole leftmost label ({@code *.example.com}
 * matches {@code mx.example.com}, not {@code a.mx.example.com} nor {@code example.com}). The
 * subject CN counts only when the certificate has no DNS names at all.
 */
final class HostNameMatch {
    private HostNameMatch() {}

    /** The DNS subject alternative names, or the CN when there are none. */
    static List<String> names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) if (Integer.valueOf(2).equals(san.get(0))) names.add(String.valueOf(san.get(1)));
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN extension names nothing: the host will not match, which is the finding
        }
        if (names.isEmpty()) {
            String cn = commonName(c);
            if (cn != null) names.add(cn);
        }
        return names;
    }

    static boolean matches(String host, List<String> names) {
        String h = normal(host);
        for (String n : names) {
            String name = normal(n);
            if (name.equals(h)) return true;
            if (name.startsWith("*.") && name.indexOf('*', 1) < 0) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot + 1).equals(name.substring(2)) && name.substring(2).contains(".")) return true;
            }
        }
        return false;
    }

    private static String normal(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static String commonName(X509Certificate c) {
        try {
            for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) return String.valueOf(rdn.getValue());
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
