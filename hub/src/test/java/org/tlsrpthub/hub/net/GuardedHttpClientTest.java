package org.tlsrpthub.hub.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.testsupport.TestCa;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * The one guarded HTTP client, against real servers on loopback: the guard on every address tried,
 * the vetted address connected to while TLS and Host carry the name, no redirect followed, the body
 * and the whole exchange bounded.
 */
class GuardedHttpClientTest {
    static final OutboundGuard ALLOW_PRIVATE = new OutboundGuard(true, "--allow-private");
    static final String NAME = "hook.example.net";

    @TempDir Path dir;
    private ServerSocket server;
    private Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    interface Answer {
        void write(OutputStream out) throws Exception;
    }

    /** A server on 127.0.0.1 that records each request's head (and the SNI name over TLS) and answers with {@code answer}. */
    private int serve(SSLContext tls, Answer answer) throws IOException {
        server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    if (s instanceof SSLSocket ssl) {
                        ssl.startHandshake();
                        ((ExtendedSSLSession) ssl.getSession()).getRequestedServerNames()
                                .forEach(n -> serverNames.add(((SNIHostName) n).getAsciiName()));
                    }
                    requests.add(head(s.getInputStream()));
                    answer.write(s.getOutputStream());
                    s.getOutputStream().flush();
                } catch (Exception e) {
                    // the client hung up (cut off, refused the certificate) or the server is closing
                }
            }
        });
        return server.getLocalPort();
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            acceptor.join();
        }
    }

    private static Answer text(String status, String body) {
        return out -> out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static GuardedHttpClient client(OutboundGuard guard) {
        return new GuardedHttpClient(guard, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    private static List<InetAddress> addresses(String... a) throws Exception {
        InetAddress[] out = new InetAddress[a.length];
        for (int i = 0; i < a.length; i++) out[i] = InetAddress.getByName(a[i]);
        return List.of(out);
    }

    private static SSLContext serverTls(TestCa.Leaf leaf) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(leaf.keyStore(), "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    @Test
    void loopbackIsRefusedWithoutTheOptInAndNothingIsTried() throws Exception {
        int port = serve(null, text("200 OK", "hello"));
        assertThatThrownBy(() -> client(OutboundGuard.publicOnly("alerts.allow-private=true")).connect(NAME, port, addresses("127.0.0.1", "::1")))
                .isInstanceOfSatisfying(GuardedHttpClient.NotConnected.class, e -> {
                    assertThat(e.failed()).isEmpty();
                    assertThat(e.refused()).extracting(GuardedHttpClient.Refusal::why).containsExactly(
                            "127.0.0.1 is a loopback address (allowed only with alerts.allow-private=true)",
                            "0:0:0:0:0:0:0:1 is a loopback address (allowed only with alerts.allow-private=true)");
                    assertThat(e.getMessage()).startsWith("refused to connect to " + NAME + ": 127.0.0.1 is a loopback address");
                });
        // the server is still reachable, and this is its first connection: the refused attempt never reached it
        try (GuardedHttpClient.Session s = client(ALLOW_PRIVATE).connect(NAME, port, addresses("127.0.0.1"))) {
            assertThat(s.send(null, "GET", "/", Map.of(), null).status()).isEqualTo(200);
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void everyAddressIsJudgedAndTheVettedOneIsConnectedToUnderTheName() throws Exception {
        TestCa ca = TestCa.create("Client Test CA");
        int port = serve(serverTls(ca.issue(List.of(NAME), 30)), text("200 OK", "hello"));
        SSLSocketFactory trusting = PemTls.trusting(ca.writePem(dir.resolve("ca.pem"))).getSocketFactory();
        try (GuardedHttpClient.Session s = client(ALLOW_PRIVATE).connect(NAME, port, addresses("224.0.0.1", "127.0.0.1"))) {
            assertThat(s.refused()).extracting(GuardedHttpClient.Refusal::why).containsExactly("224.0.0.1 is a multicast address, never a server");
            assertThat(s.address().getHostAddress()).isEqualTo("127.0.0.1");
            HttpAnswer head = s.send(trusting, "POST", "/hook?a=1", Map.of("X-Test", "yes"), "{}".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.body(head, 100).body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
        assertThat(serverNames).containsExactly(NAME);
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("POST /hook?a=1 HTTP/1.1\r\n")
                .contains("Host: " + NAME + ":" + port + "\r\n", "X-Test: yes\r\n", "Content-Length: 2\r\n", "Connection: close\r\n"));
    }

    @Test
    void aCertificateForAnotherNameIsRefusedBeforeTheRequestIsSent() throws Exception {
        TestCa ca = TestCa.create("Client Test CA");
        int port = serve(serverTls(ca.issue(List.of("other.example.net"), 30)), text("200 OK", "hello"));
        SSLSocketFactory trusting = PemTls.trusting(ca.writePem(dir.resolve("ca.pem"))).getSocketFactory();
        try (GuardedHttpClient.Session s = client(ALLOW_PRIVATE).connect(NAME, port, addresses("127.0.0.1"))) {
            assertThatThrownBy(() -> s.send(trusting, "GET", "/", Map.of(), null)).isInstanceOf(SSLHandshakeException.class);
        }
        assertThat(requests).isEmpty();
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() throws Exception {
        int port = serve(null, out -> out.write("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1/elsewhere\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)));
        try (GuardedHttpClient.Session s = client(ALLOW_PRIVATE).connect(NAME, port, addresses("127.0.0.1"))) {
            HttpAnswer head = s.send(null, "GET", "/", Map.of(), null);
            assertThat(head.status()).isEqualTo(302);
            assertThat(head.header("location")).isEqualTo("http://127.0.0.1/elsewhere");
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutReadingOn() throws Exception {
        int port = serve(null, text("200 OK", "x".repeat(10_000)));
        try (GuardedHttpClient.Session s = client(ALLOW_PRIVATE).connect(NAME, port, addresses("127.0.0.1"))) {
            HttpAnswer head = s.send(null, "GET", "/", Map.of(), null);
            assertThatThrownBy(() -> s.body(head, 1024)).isInstanceOfSatisfying(HttpAnswer.TooLarge.class,
                    e -> assertThat(e.seen()).isEqualTo("Content-Length says 10000 bytes"));
        }
    }

    @Test
    void aTricklingServerIsCutOffAtTheDeadlineOfTheWholeExchange() throws Exception {
        // each byte comes well within any per-read timeout; only the exchange's deadline stops it
        int port = serve(null, out -> {
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write('a');
                out.flush();
                Thread.sleep(50);
            }
        });
        try (GuardedHttpClient.Session s = client(ALLOW_PRIVATE).connect(NAME, port, addresses("127.0.0.1"))) {
            assertThatThrownBy(() -> s.send(null, "GET", "/", Map.of(), null)).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void anAddressThatDoesNotAcceptIsNamedWithWhy() throws Exception {
        int closed;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = ss.getLocalPort();
        }
        int port = closed;
        assertThatThrownBy(() -> client(ALLOW_PRIVATE).connect(NAME, port, addresses("127.0.0.1")))
                .isInstanceOfSatisfying(GuardedHttpClient.NotConnected.class, e -> {
                    assertThat(e.failed()).singleElement().satisfies(f -> assertThat(f).startsWith("127.0.0.1 ("));
                    assertThat(e.getMessage()).startsWith("no address of " + NAME + " accepted a connection on port " + port);
                });
    }
}
