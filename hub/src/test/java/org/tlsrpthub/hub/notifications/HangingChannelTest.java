package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.alerts.Scenario.AT;
import static org.tlsrpthub.hub.alerts.Scenario.failure;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.alerts.Scenario;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.DataClock;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/**
 * A failing channel never slows or blocks ingest (issue 12 §4): while the hub's notification is
 * stuck on a webhook that does not answer, reports posted to the hub are stored and acknowledged,
 * and the send is still in flight when they are; once the webhook answers, it is recorded as sent.
 */
class HangingChannelTest {
    @TempDir Path dir;

    @Test
    void reportsAreStoredWhileTheOnlyChannelHangs() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (WebhookReceiver receiver = new WebhookReceiver(); Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            receiver.onRequest(r -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            new Scenario(db).daily("a.test", "good.test", -17, -3, 1000)
                    .daily("a.test", "good.test", -3, 0, 800, failure("starttls-not-supported", "mx1.a.test", 200)).store();
            Map<String, String> s = new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0",
                    "jobs.poll-interval-seconds", "1", "alerts.delivery.interval-seconds", "1", "alerts.allow-private", "true",
                    // long enough that a send waited on by ingest could not end before the posts below are answered
                    "alerts.delivery.timeout-seconds", "300", "alerts.delivery.lease-seconds", "1200"));
            s.putAll(Map.of("alerts.channel.slow.type", "webhook", "alerts.channel.slow.url", receiver.url("/slow")));
            try (Hub hub = new Hub(Settings.of(s), db, DataClock.runningFrom(AT), x -> List.of(), WebHub.OFFLINE).start()) {
                // the start's evaluation opened incidents; the delivery job is now waiting on the webhook
                Await.until(() -> !receiver.requests.isEmpty());

                HttpClient client = HttpClient.newHttpClient();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(hub.http().reportUrl())
                            .header("Content-Type", "application/tlsrpt+json")
                            .POST(HttpRequest.BodyPublishers.ofString(ReportMail.json("a.test", "other.test", "while-hanging-" + i))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                }
                assertThat(Sql.count(db, "SELECT COUNT(*) FROM report WHERE report_id LIKE 'while-hanging-%'")).isEqualTo(5);
                assertThat(Sql.count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'pending' AND attempts = 1"
                        + " AND last_error IS NULL AND claimed_by IS NOT NULL")).as("the first send is still in flight").isPositive();

                release.countDown();
                Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status = 'sent'") > 0);
            } finally {
                release.countDown();
            }
        }
    }
}
