package org.tlsrpthub.hub.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * The CAs of {@code checks.ca-file} / {@code --ca-file}, trusted besides the JDK's roots (a private
 * deployment, tests). Read once, when the options are made, and handed to both the policy fetch
 * ({@link CheckTrust}) and the STARTTLS prober's chain validation, so both judge by the same file
 * as it was then and a bad file is one settings error, named once.
 *
 * @param path         the file, null for none
 * @param certificates its certificates, empty when there is no file
 */
public record CaFile(Path path, List<X509Certificate> certificates) {
    public static final CaFile NONE = new CaFile(null, List.of());

    public CaFile {
        certificates = List.copyOf(certificates);
    }

    /** The certificates of {@code path}; {@link #NONE} when it is null. A file without any is a settings error. */
    public static CaFile read(Path path) {
        if (path == null) return NONE;
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) out.add((X509Certificate) c);
        } catch (IOException e) {
            throw new SettingsException("checks.ca-file: cannot read " + path + ": " + e.getMessage());
        } catch (CertificateException e) {
            throw new SettingsException("checks.ca-file: " + path + " does not hold PEM certificates: " + e.getMessage());
        }
        if (out.isEmpty()) throw new SettingsException("checks.ca-file: " + path + " holds no PEM certificate");
        return new CaFile(path, out);
    }

    /** "the JDK trust store" or "the JDK trust store and FILE", for messages. */
    public String describe() {
        return path == null ? "the JDK trust store" : "the JDK trust store and " + path;
    }
}
