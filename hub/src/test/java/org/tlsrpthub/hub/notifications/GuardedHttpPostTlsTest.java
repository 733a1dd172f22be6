package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.net.OutboundGuard;
import org.tlsrpthub.hub.testsupport.TestCa;
import org.tlsrpthub.hub.tls.PemTls;

/** Webhooks over HTTPS: the certificate must chain to a trusted root and name the URL's host. */
class GuardedHttpPostTlsTest {
    @TempDir Path dir;
    private HttpsServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    private int serve(TestCa.Leaf leaf) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(leaf.keyStore(), "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private GuardedHttpPost client(TestCa trusted) throws Exception {
        return new GuardedHttpPost(new OutboundGuard(true, "alerts.allow-private=true"), Duration.ofSeconds(10), 1024,
                PemTls.trusting(trusted.writePem(dir.resolve("trusted.pem"))).getSocketFactory());
    }

    @Test
    void postsOverTlsToACertificateThatNamesTheHost() throws Exception {
        TestCa ca = TestCa.create("Webhook Test CA");
        int port = serve(ca.issue(List.of("localhost"), 2));
        GuardedHttpPost.Response r = client(ca).post(URI.create("https://localhost:" + port + "/hook"), Map.of(), "{\"a\":1}".getBytes());
        assertThat(r.status()).isEqualTo(204);
        assertThat(bodies).containsExactly("{\"a\":1}");
    }

    @Test
    void refusesACertificateForAnotherName() throws Exception {
        TestCa ca = TestCa.create("Webhook Test CA");
        int port = serve(ca.issue(List.of("hooks.example.net"), 2));
        assertThatThrownBy(() -> client(ca).post(URI.create("https://localhost:" + port + "/hook"), Map.of(), "{}".getBytes()))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("localhost");
        assertThat(bodies).as("nothing was sent over an unverified connection").isEmpty();
    }

    @Test
    void refusesAnUntrustedCertificate() throws Exception {
        int port = serve(TestCa.create("Unknown CA").issue(List.of("localhost"), 2));
        assertThatThrownBy(() -> client(TestCa.create("Webhook Test CA")).post(URI.create("https://localhost:" + port + "/hook"), Map.of(),
                "{}".getBytes())).isInstanceOf(DeliveryException.class);
        assertThat(bodies).isEmpty();
    }
}
