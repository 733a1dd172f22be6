package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.testsupport.Sql;

/** HTTPS served directly from PEM files (a self-signed certificate made by keytool for the test). */
class HttpsTest {
    @TempDir Path dir;

    @Test
    void reportsArePostedOverHttpsWithTheJdkClientAndCurl() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        selfSigned(cert, key);
        try (RunningHub hub = new RunningHub(dir.resolve("store"),
                Map.of("http.tls.certificate", cert.toString(), "http.tls.key", key.toString()))) {
            assertThat(hub.url().getScheme()).isEqualTo("https");

            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(hub.url())
                    .header("Content-Type", "application/tlsrpt+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(ReportEndpointTest.googleJson())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

            Path gz = dir.resolve("report.json.gz");
            Files.write(gz, ReportEndpointTest.gzip(ReportEndpointTest.googleJson()));
            String status = Curl.run(List.of("curl", "-sS", "--cacert", cert.toString(), "-o", "/dev/null", "-w", "%{http_code}",
                    "-H", "Content-Type: application/tlsrpt+gzip", "--data-binary", "@" + gz, hub.url().toString()));
            assertThat(status).as("a duplicate over curl").isEqualTo("200");
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).isEqualTo(1);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report_sighting")).isEqualTo(1);
        }
    }

    /** Makes a self-signed certificate for 127.0.0.1 with keytool and writes it and its key as PEM. */
    static void selfSigned(Path certPem, Path keyPem) throws Exception {
        Path p12 = certPem.resolveSibling("self.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "hub", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate c = ks.getCertificate("hub");
        PrivateKey k = (PrivateKey) ks.getKey("hub", "changeit".toCharArray());
        Files.writeString(certPem, pem("CERTIFICATE", c.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", k.getEncoded())); // PKCS#8
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static SSLContext trusting(Path certPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certPem)) {
            trust.setCertificateEntry("hub", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
