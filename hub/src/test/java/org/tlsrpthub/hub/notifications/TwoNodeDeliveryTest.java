package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.ServeNodes;
import org.tlsrpthub.hub.testsupport.Sql;

/** Two {@code serve} processes on one PostgreSQL database send each notification exactly once. */
class TwoNodeDeliveryTest {
    private static final int NOTIFICATIONS = 30;
    @TempDir Path dir;
    private Process nodeA;
    private Process nodeB;

    @AfterEach
    void stop() throws Exception {
        ServeNodes.stop(nodeA, nodeB);
    }

    @Test
    void eachNotificationIsSentOnce() throws Exception {
        String url = PostgresServer.freshDatabaseUrl();
        try (WebhookReceiver receiver = new WebhookReceiver(); Database db = Database.open(url)) { // the schema first
            Map<String, String> configA = DeliveryNodes.settings(receiver.url("/hook"));
            nodeA = ServeNodes.serve(dir, url, "node-a", configA);
            nodeB = ServeNodes.serve(dir, url, "node-b", DeliveryNodes.settings(receiver.url("/hook")));
            Notifications n = Notifications.from(Settings.of(configA), db, Clock.systemUTC(), new PrometheusRegistry());
            for (int i = 1; i <= NOTIFICATIONS; i++) { // one incident change per transaction, while both nodes deliver
                long id = i;
                db.inTransaction(c -> {
                    n.outbox().enqueue(c, NotificationContract.transition(id, "example.com", "critical"));
                    return null;
                });
            }
            Await.until(() -> {
                ServeNodes.assertRunning(dir, "node-a", nodeA);
                ServeNodes.assertRunning(dir, "node-b", nodeB);
                return Sql.count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'sent'") == NOTIFICATIONS;
            });
            List<String> delivered = receiver.requests.stream().map(r -> r.header("X-TLSRPT-Delivery")).toList();
            assertThat(delivered).as("every notification arrived, none twice").hasSize(NOTIFICATIONS).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(Sql.strings(db, "SELECT CAST(id AS TEXT) FROM notification_outbox"));
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM notification_outbox WHERE attempts <> 1")).isZero();
        }
    }
}
