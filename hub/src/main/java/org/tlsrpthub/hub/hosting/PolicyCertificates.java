package org.tlsrpthub.hub.hosting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * The certificates of the policy hosts, from a directory of PEM pairs {@code mta-sts.DOMAIN.crt}
 * (chain, leaf first) and {@code mta-sts.DOMAIN.key} (unencrypted PKCS#8), the names certbot's
 * {@code --cert-name} or a deploy hook can give them. Checked whole at start: a file without its
 * pair, an unreadable file, a key of another certificate or a certificate that does not name its
 * host stops the start, naming the file. One key store alias per host: Jetty picks by SNI.
 */
public final class PolicyCertificates {
    static final char[] PASSWORD = "tlsrpt-hub".toCharArray(); // in memory only; the store is never written
    private static final String KEY = "mta-sts.certificates";

    private PolicyCertificates() {}

    /** The loaded pairs: the key store and the host names it has a certificate for. */
    public record Loaded(KeyStore keyStore, List<String> hosts) {}

    public static Loaded load(Path dir) {
        if (!Files.isDirectory(dir)) throw new SettingsException(KEY + ": " + dir + " is not a directory");
        TreeSet<String> hosts = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(PolicyHost.PREFIX)) continue; // README, renewal leftovers
                if (name.endsWith(".crt")) hosts.add(name.substring(0, name.length() - 4));
                else if (name.endsWith(".key")) hosts.add(name.substring(0, name.length() - 4));
            }
        } catch (IOException e) {
            throw new SettingsException(KEY + ": cannot list " + dir + ": " + e.getMessage());
        }
        if (hosts.isEmpty()) {
            throw new SettingsException(KEY + ": " + dir + " holds no mta-sts.DOMAIN.crt and mta-sts.DOMAIN.key pair");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (String host : hosts) add(ks, dir, host);
            return new Loaded(ks, new ArrayList<>(hosts));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the policy hosts' key store: " + e.getMessage(), e);
        }
    }

    private static void add(KeyStore ks, Path dir, String host) throws GeneralSecurityException {
        Path crt = dir.resolve(host + ".crt");
        Path key = dir.resolve(host + ".key");
        if (PolicyHost.domainOf(host).isEmpty() || !host.equals(host.toLowerCase(Locale.ROOT))) {
            throw new SettingsException(KEY + ": " + dir.resolve(host + (Files.exists(crt) ? ".crt" : ".key"))
                    + " is not named mta-sts.DOMAIN.crt / .key (lower case)");
        }
        if (!Files.exists(key)) throw new SettingsException(KEY + ": " + crt + " has no key beside it (" + key.getFileName() + ")");
        if (!Files.exists(crt)) throw new SettingsException(KEY + ": " + key + " has no certificate beside it (" + crt.getFileName() + ")");
        KeyStore.PrivateKeyEntry entry;
        try {
            entry = PemTls.entry(crt, key);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(KEY + ": " + e.getMessage());
        }
        X509Certificate leaf = (X509Certificate) entry.getCertificate();
        if (!names(leaf, host)) {
            throw new SettingsException(KEY + ": " + crt + " is for " + dnsNames(leaf) + ", not " + host);
        }
        ks.setKeyEntry(host, entry.getPrivateKey(), PASSWORD, entry.getCertificateChain());
    }

    // The leaf's DNS names, exactly or by a wildcard of one label, as a sender's TLS client matches them.
    private static boolean names(X509Certificate leaf, String host) throws CertificateParsingException {
        for (String n : dnsNames(leaf)) {
            String name = n.toLowerCase(Locale.ROOT);
            if (name.equals(host)) return true;
            if (name.startsWith("*.") && host.indexOf('.') > 0 && host.substring(host.indexOf('.') + 1).equals(name.substring(2))) return true;
        }
        return false;
    }

    private static List<String> dnsNames(X509Certificate leaf) throws CertificateParsingException {
        List<String> out = new ArrayList<>();
        if (leaf.getSubjectAlternativeNames() == null) return out;
        for (List<?> san : leaf.getSubjectAlternativeNames()) {
            if (Integer.valueOf(2).equals(san.get(0))) out.add((String) san.get(1)); // dNSName
        }
        return out;
    }
}
