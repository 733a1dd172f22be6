package org.tlsrpthub.hub.testsupport;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * A certificate authority made inside a test, issuing the certificates real servers on loopback
 * present: valid, expired, for the wrong name, or self-signed. Its certificate is what a test gives
 * the hub as an extra trusted CA ({@code --ca-file}).
 */
public final class TestCa {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    public static TestCa create(String name) throws Exception {
        KeyPair keys = rsa(2048);
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), subject, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestCa(keys, sign(b, keys.getPrivate()));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A leaf for {@code names} (DNS SANs; the first is also the CN), valid from now for {@code days}. */
    public Leaf issue(List<String> names, int days) throws Exception {
        Instant now = Instant.now();
        return issue(names, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(days)));
    }

    /** A leaf valid between the two instants: an expired one has {@code notAfter} in the past. */
    public Leaf issue(List<String> names, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair leafKeys = rsa(2048);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(certificate.getSubjectX500Principal().getName()),
                serial(), Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + names.get(0)), leafKeys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return new Leaf(sign(b, keys.getPrivate()), leafKeys.getPrivate(), certificate);
    }

    /** A certificate signed by its own key, trusted by nobody. */
    public static Leaf selfSigned(String name, int days) throws Exception {
        KeyPair k = rsa(2048);
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(days))), subject, k.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        X509Certificate cert = sign(b, k.getPrivate());
        return new Leaf(cert, k.getPrivate(), cert);
    }

    /** Writes the CA certificate as PEM, the form of {@code --ca-file}. */
    public Path writePem(Path file) throws Exception {
        return Files.writeString(file, PemTls.pem("CERTIFICATE", certificate.getEncoded()));
    }

    /** A leaf certificate with its key and issuer, ready for a server. */
    public record Leaf(X509Certificate certificate, PrivateKey key, X509Certificate issuer) {

        /** certificate (+ issuer unless self-signed) and key as PEM files {@code NAME.crt}, {@code NAME.key} in {@code dir}. */
        public Path[] writePem(Path dir, String name) throws Exception {
            String chain = PemTls.pem("CERTIFICATE", certificate.getEncoded())
                    + (issuer.equals(certificate) ? "" : PemTls.pem("CERTIFICATE", issuer.getEncoded()));
            Path crt = Files.writeString(dir.resolve(name + ".crt"), chain);
            Path key = Files.writeString(dir.resolve(name + ".key"), PemTls.pem("PRIVATE KEY", this.key.getEncoded()));
            return new Path[] {crt, key};
        }

        /** A PKCS#12-style in-memory key store (password "changeit") for JSSE servers. */
        public KeyStore keyStore() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            X509Certificate[] chain = issuer.equals(certificate) ? new X509Certificate[] {certificate}
                    : new X509Certificate[] {certificate, issuer};
            ks.setKeyEntry("server", key, "changeit".toCharArray(), chain);
            return ks;
        }
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
    }
}
