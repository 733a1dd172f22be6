package org.tlsrpthub.hub.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.tlsrpthub.hub.testsupport.TestCa;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * An SMTP relay on loopback (SubEthaSMTP) that refuses mail before STARTTLS and before
 * authentication as user "hub" with password "relay-pass"; its certificate, for "localhost", comes
 * from a test CA whose PEM the email channel is told to trust.
 */
final class StartTlsRelay implements AutoCloseable {
    static final String USER = "hub";
    static final String PASSWORD = "relay-pass";

    final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    final List<String> envelopeTo = new CopyOnWriteArrayList<>();
    final Path caPem;
    private final SMTPServer server;

    StartTlsRelay(Path dir) throws Exception {
        TestCa ca = TestCa.create("Relay Test CA");
        caPem = ca.writePem(dir.resolve("relay-ca.pem"));
        Path[] leaf = ca.issue(List.of("localhost"), 2).writePem(dir, "relay");
        SSLContext tls = PemTls.serverContext(leaf[0], leaf[1]);
        server = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("localhost")
                .enableTLS().requireTLS().startTlsSocketFactory(socket -> {
                    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                    s.setUseClientMode(false);
                    return s;
                })
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, ctx) -> {
                    if (!user.equals(USER) || !password.equals(PASSWORD)) throw new LoginFailedException();
                }))
                .requireAuth()
                .messageHandler((ctx, from, to, data) -> {
                    envelopeTo.add(to);
                    try {
                        received.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data)));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .build();
        server.start();
    }

    /** An email channel "mail" through this relay; the password is in a file, as the hub wants it. */
    Map<String, String> channel(Path dir, String password) throws Exception {
        Path pw = java.nio.file.Files.writeString(dir.resolve("relay-pw"), password + "\n");
        return new HashMap<>(Map.of("alerts.channel.mail.type", "email", "alerts.channel.mail.host", "localhost",
                "alerts.channel.mail.port", String.valueOf(server.getPortAllocated()), "alerts.channel.mail.user", USER,
                "alerts.channel.mail.password-file", pw.toString(), "alerts.channel.mail.from", "tlsrpt-hub@hub.example.net",
                "alerts.channel.mail.trust-certificate", caPem.toString(), "alerts.delivery.backoff-seconds", "1"));
    }

    @Override
    public void close() {
        server.stop();
    }
}
