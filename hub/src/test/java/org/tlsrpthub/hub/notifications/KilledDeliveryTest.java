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
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.ServeNodes;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * The outbox survives {@code kill -9}: a {@code serve} process is killed the moment its webhook request
 * arrives (the row committed and claimed, the send under way, nothing recorded); a new process sends
 * it once the lease has passed, and the receiver gets the same delivery id again.
 */
class KilledDeliveryTest {
    @TempDir Path dir;
    private Process nodeA;
    private Process nodeB;

    @AfterEach
    void stop() throws Exception {
        ServeNodes.stop(nodeA, nodeB);
    }

    @Test
    void aNotificationWhoseSenderWasKilledIsSentByTheNextProcess() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir.resolve("data"));
        try (WebhookReceiver receiver = new WebhookReceiver(); Database db = Database.open(url)) {
            Map<String, String> configA = DeliveryNodes.settings(receiver.url("/hook"));
            Map<String, String> configB = DeliveryNodes.settings(receiver.url("/hook"));
            Notifications n = Notifications.from(Settings.of(configA), db, Clock.systemUTC(), new PrometheusRegistry());
            db.inTransaction(c -> {
                n.outbox().enqueue(c, NotificationContract.transition(9, "example.com", "critical"));
                return null;
            });
            receiver.onRequest(r -> {
                if (receiver.requests.size() == 1) { // the first send: kill its sender before it can record anything
                    nodeA.destroyForcibly();
                    try {
                        nodeA.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            nodeA = ServeNodes.serve(dir, url, "node-a", configA);
            Await.until(() -> {
                ServeNodes.assertRunning(dir, "node-a", nodeA);
                return !receiver.requests.isEmpty() && !nodeA.isAlive();
            });
            assertThat(nodeA.exitValue()).isEqualTo(137);
            assertThat(Sql.rows(db, "SELECT status, attempts, sent_at FROM notification_outbox")).as("claimed, never recorded")
                    .containsExactly(java.util.Arrays.asList("pending", 1, null));
            assertThat(Sql.strings(db, "SELECT claimed_by FROM notification_outbox")).singleElement().asString().startsWith("node-a/");

            nodeB = ServeNodes.serve(dir, url, "node-b", configB);
            Await.until(() -> {
                ServeNodes.assertRunning(dir, "node-b", nodeB);
                return Sql.count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'sent'") == 1;
            });
            List<String> ids = receiver.requests.stream().map(r -> r.header("X-TLSRPT-Delivery")).toList();
            assertThat(ids).as("the same notification, sent again after the lease").hasSize(2).containsOnly(ids.get(0));
            assertThat(Sql.strings(db, "SELECT claimed_by FROM notification_outbox")).singleElement().asString().startsWith("node-b/");
            assertThat(Sql.count(db, "SELECT attempts FROM notification_outbox")).isEqualTo(2);
        }
    }
}
