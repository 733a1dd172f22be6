package org.tlsrpthub.hub.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server TLS context from PEM files as an operator has them (e.g. from Let's Encrypt): a
 * certificate chain and an unencrypted PKCS#8 private key ("BEGIN PRIVATE KEY"; RSA or EC).
 */
public final class PemTls {
    private static final Pattern KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemTls() {}

    public static SSLContext serverContext(Path certificateChain, Path privateKey) {
        try {
            KeyStore.PrivateKeyEntry entry = entry(certificateChain, privateKey);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] none = new char[0];
            ks.setKeyEntry("server", entry.getPrivateKey(), none, entry.getCertificateChain());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, none);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load TLS certificate " + certificateChain + " / key " + privateKey
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The chain and key of a PEM pair, checked to belong together (the key signs what the leaf's
     * public key verifies), so that a mixed-up pair stops the start instead of failing every handshake.
     */
    public static KeyStore.PrivateKeyEntry entry(Path certificateChain, Path privateKey) {
        try {
            Collection<? extends Certificate> chain;
            try (var in = Files.newInputStream(certificateChain)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) throw new IllegalArgumentException(certificateChain + " holds no certificate");
            PrivateKey key = readKey(Files.readString(privateKey, StandardCharsets.US_ASCII), privateKey);
            Certificate leaf = chain.iterator().next();
            if (!signsFor(key, leaf)) {
                throw new IllegalArgumentException(privateKey + " is not the key of the certificate in " + certificateChain);
            }
            return new KeyStore.PrivateKeyEntry(key, chain.toArray(Certificate[]::new));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load TLS certificate " + certificateChain + " / key " + privateKey
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean signsFor(PrivateKey key, Certificate leaf) throws GeneralSecurityException {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        if (!key.getAlgorithm().equals(leaf.getPublicKey().getAlgorithm())) return false;
        byte[] probe = "tlsrpt-hub key check".getBytes(StandardCharsets.US_ASCII);
        Signature sign = Signature.getInstance(alg);
        sign.initSign(key);
        sign.update(probe);
        byte[] signature = sign.sign();
        Signature verify = Signature.getInstance(alg);
        verify.initVerify(leaf.getPublicKey());
        verify.update(probe);
        return verify.verify(signature);
    }

    /**
     * A client context that trusts exactly the certificates in a PEM file (a private CA, or a
     * server's self-signed certificate) instead of the JDK's public roots.
     */
    public static SSLContext trusting(Path certificates) {
        try {
            Collection<? extends Certificate> certs;
            try (var in = Files.newInputStream(certificates)) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certs.isEmpty()) throw new IllegalArgumentException(certificates + " holds no certificate");
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) ks.setCertificateEntry("trusted-" + i++, c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load trusted certificates " + certificates + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(String pem, Path where) throws GeneralSecurityException {
        Matcher m = KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException(where + ": expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
                    + " convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        GeneralSecurityException last = null;
        for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The PEM text of a DER blob (used by tests and tools that write keys). */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

}
