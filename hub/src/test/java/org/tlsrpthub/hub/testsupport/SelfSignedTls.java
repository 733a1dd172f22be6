package org.tlsrpthub.hub.testsupport;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import org.tlsrpthub.hub.tls.PemTls;

/** A self-signed certificate made by the JDK's keytool and written as PEM files, as an operator would have them. */
public record SelfSignedTls(Path certificate, Path key) {

    public static SelfSignedTls create(Path dir) throws Exception {
        Path ks = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed: " + out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        Certificate cert = store.getCertificate("server");
        PrivateKey key = (PrivateKey) store.getKey("server", "changeit".toCharArray());
        Path certPem = Files.writeString(dir.resolve("cert.pem"), PemTls.pem("CERTIFICATE", cert.getEncoded()));
        Path keyPem = Files.writeString(dir.resolve("key.pem"), PemTls.pem("PRIVATE KEY", key.getEncoded()));
        return new SelfSignedTls(certPem, keyPem);
    }
}
