package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * Email through a real SMTP relay on loopback that requires STARTTLS and authentication
 * ({@link StartTlsRelay}): the test reads the message the relay received.
 */
class EmailChannelTest {
    @TempDir Path dir;
    Database db;
    StartTlsRelay relay;

    @BeforeEach
    void start() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("db")));
        relay = new StartTlsRelay(dir);
    }

    @AfterEach
    void stop() {
        relay.close();
        db.close();
    }

    private Notifications configure(String password, Map<String, String> extra) throws Exception {
        Map<String, String> s = relay.channel(dir, password);
        s.putAll(extra);
        return Notifications.from(Settings.of(s), db, Clock.systemUTC(), new PrometheusRegistry());
    }

    @Test
    void theRelayGetsTheMessageOverStartTlsWithAuthentication() throws Exception {
        Notifications n = configure(StartTlsRelay.PASSWORD, Map.of("alerts.channel.mail.to", "ops@example.org"));
        db.inTransaction(c -> {
            n.outbox().enqueue(c, NotificationContract.transition(42, "example.com", "critical"));
            return null;
        });
        assertThat(n.delivery().deliverDue().sent()).isEqualTo(1);

        assertThat(relay.received).hasSize(1);
        MimeMessage m = relay.received.get(0);
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
        assertThat(relay.received).isEmpty();
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

        Notifications n = configure(StartTlsRelay.PASSWORD, Map.of());
        db.inTransaction(c -> {
            n.outbox().enqueue(c, NotificationContract.transition(5, "shop.example.com", "warning"));
            n.outbox().enqueue(c, NotificationContract.transition(6, "unowned.example.com", "warning"));
            return null;
        });
        assertThat(n.delivery().deliverDue().sent()).isEqualTo(2);
        assertThat(relay.envelopeTo).containsExactlyInAnyOrder("shop-team@example.org", "alpha-alerts@example.org");
        assertThat(n.service().recent(Scope.wholeHub(), 10)).as("a domain nobody owns gets no email")
                .allSatisfy(v -> assertThat(v.domain()).isEqualTo("shop.example.com"));
    }
}
