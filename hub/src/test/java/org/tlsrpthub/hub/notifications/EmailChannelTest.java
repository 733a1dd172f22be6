package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.Owner;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.ownership.OwnershipTestData;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.TestCa;
import org.tlsrpthub.hub.tls.PemTls;

/**
 * Email through a real SMTP relay on loopback that requires STARTTLS and authentication (SubEthaSMTP
 * with a certificate from a test CA): the test reads the message the relay received.
 */
class EmailChannelTest {
    @TempDir Path dir;
    Database db;
    SMTPServer relay;
    final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    final List<String> envelopeTo = new CopyOnWriteArrayList<>();
    Path caPem;

    @BeforeEach
    void start() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        TestCa ca = TestCa.create("Relay Test CA");
        caPem = ca.writePem(dir.resolve("ca.pem"));
        Path[] leaf = ca.issue(List.of("localhost"), 2).writePem(dir, "relay");
        SSLContext tls = PemTls.serverContext(leaf[0], leaf[1]);
        relay = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("localhost")
                .enableTLS().requireTLS().startTlsSocketFactory(socket -> {
                    SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                    s.setUseClientMode(false);
                    return s;
                })
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, ctx) -> {
                    if (!user.equals("hub") || !password.equals("relay-pass")) throw new LoginFailedException();
                }))
                .requireAuth()
                .messageHandler((ctx, from, to, data) -> {
                    envelopeTo.add(to);
                    try {
                        received.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(data)));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .build();
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.stop();
        db.close();
    }

    private Notifications configure(String password, Map<String, String> extra) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), password + "\n");
        Map<String, String> s = new HashMap<>(Map.of("alerts.channel.mail.type", "email", "alerts.channel.mail.host", "localhost",
                "alerts.channel.mail.port", String.valueOf(relay.getPortAllocated()), "alerts.channel.mail.user", "hub",
                "alerts.channel.mail.password-file", pw.toString(), "alerts.channel.mail.from", "tlsrpt-hub@hub.example.net",
                "alerts.channel.mail.trust-certificate", caPem.toString(), "alerts.delivery.backoff-seconds", "1"));
        s.putAll(extra);
        return Notifications.from(Settings.of(s), db, Clock.systemUTC(), new PrometheusRegistry());
    }

    @Test
    void theRelayGetsTheMessageOverStartTlsWithAuthentication() throws Exception {
        Notifications n = configure("relay-pass", Map.of("alerts.channel.mail.to", "ops@example.org"));
        db.inTransaction(c -> {
            n.outbox().enqueue(c, NotificationContract.transition(42, "example.com", "critical"));
            return null;
        });
        assertThat(n.delivery().deliverDue().sent()).isEqualTo(1);

        assertThat(received).hasSize(1);
        MimeMessage m = received.get(0);
        assertThat(m.getSubject()).isEqualTo("TLS-RPT Hub: critical failure-rate opened for example.com");
        assertThat(m.getHeader("To")[0]).isEqualTo("ops@example.org");
        assertThat(m.getHeader("From")[0]).isEqualTo("tlsrpt-hub@hub.example.net");
        long id = n.service().recent(Scope.wholeHub(), 10).get(0).id();
        assertThat(m.getMessageID()).isEqualTo("<notification-" + id + "@tlsrpt-hub.invalid>");
        assertThat((String) m.getContent()).contains("Failure rate 7.5 %", "sessions: 10000", "/incidents/42");
    }

    @Test
    void aRefusedLoginIsRetriedAndSaysWhy() throws Exception {
        Notifications n = configure("wrong", Map.of("alerts.channel.mail.to", "ops@example.org"));
        db.inTransaction(c -> {
            n.outbox().enqueue(c, NotificationContract.transition(1, "example.com", "critical"));
            return null;
        });
        assertThat(n.delivery().deliverDue().retried()).isEqualTo(1);
        assertThat(received).isEmpty();
        assertThat(n.service().recent(Scope.wholeHub(), 10).get(0).lastError()).contains("email mail via localhost", "attempt 1");
    }

    @Test
    void withoutFixedRecipientsTheDomainsOwnersAndAlertRouteGetIt() throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        OwnershipTestData.organisation(db, "alpha");
        OwnershipTestData.report(ingest, "shop.example.com", "unowned.example.com");
        Scope root = OwnershipTestData.hubAdmin();
        new AssignmentService(db, Clock.systemUTC()).assign(root, Actor.cli(), "shop.example.com", "alpha");
        Scope alphaAdmin = OwnershipTestData.scope("ann", "alpha", Role.ADMIN);
        OwnersService owners = new OwnersService(db, Clock.systemUTC());
        owners.addOwner(alphaAdmin, Actor.cli(), "shop.example.com", Owner.Kind.EMAIL, "shop-team@example.org");
        owners.setAlertRoute(alphaAdmin, "alpha", "alpha-alerts@example.org");

        Notifications n = configure("relay-pass", Map.of());
        db.inTransaction(c -> {
            n.outbox().enqueue(c, NotificationContract.transition(5, "shop.example.com", "warning"));
            n.outbox().enqueue(c, NotificationContract.transition(6, "unowned.example.com", "warning"));
            return null;
        });
        assertThat(n.delivery().deliverDue().sent()).isEqualTo(2);
        assertThat(envelopeTo).containsExactlyInAnyOrder("shop-team@example.org", "alpha-alerts@example.org");
        assertThat(n.service().recent(Scope.wholeHub(), 10)).as("a domain nobody owns gets no email")
                .allSatisfy(v -> assertThat(v.domain()).isEqualTo("shop.example.com"));
    }
}
