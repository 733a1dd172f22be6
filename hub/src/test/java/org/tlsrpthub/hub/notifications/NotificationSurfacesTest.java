package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * {@code serve} delivers what its transition sink queues with its "notifications" job, and the page,
 * the API and /metrics show the deliveries, failures included.
 */
class NotificationSurfacesTest {
    @TempDir Path dir;

    @Test
    void serveDeliversAndEverySurfaceShowsFailuresToo() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir);
        try (WebhookReceiver receiver = new WebhookReceiver(); Database db = Database.open(url)) {
            receiver.answer(n -> WebhookReceiver.Answer.of(receiver.requests.get(n).path().equals("/down") ? 500 : 200));
            Map<String, String> s = new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0", "jobs.poll-interval-seconds", "1",
                    "alerts.delivery.interval-seconds", "1", "alerts.delivery.max-attempts", "1", "alerts.allow-private", "true"));
            s.putAll(Map.of("alerts.channel.up.type", "webhook", "alerts.channel.up.url", receiver.url("/up"),
                    "alerts.channel.down.type", "webhook", "alerts.channel.down.url", receiver.url("/down")));
            try (Hub hub = new Hub(Settings.of(s), db, Clock.systemUTC(), x -> List.of()).start()) {
                db.inTransaction(c -> {
                    hub.transitionSink().enqueue(c, NotificationContract.transition(3, "example.com", "critical"));
                    return null;
                });
                Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM notification_outbox WHERE status <> 'pending'") == 2);

                AccessService access = new AccessService(db, Clock.systemUTC());
                access.addUser("ops", "a long enough password".toCharArray(), true);
                String bearer = "Bearer " + access.createToken("ops", "notifications test").secret();
                HttpClient client = HttpClient.newHttpClient();

                JsonNode items = Json.MAPPER.readTree(get(client, hub, bearer, "/api/v1/notifications")).path("items");
                assertThat(items.findValuesAsText("channel")).containsExactlyInAnyOrder("up", "down");
                assertThat(items.findValuesAsText("status")).containsExactlyInAnyOrder("sent", "failed");

                assertThat(get(client, hub, bearer, "/notifications"))
                        .contains("class=\"notification-failed\"", "attempt 1: webhook down answered HTTP 500", "class=\"notification-sent\"");
                assertThat(get(client, hub, bearer, "/metrics"))
                        .contains("tlsrpt_notifications_total{channel=\"down\",outcome=\"failed\"} 1.0")
                        .contains("tlsrpt_notifications_total{channel=\"up\",outcome=\"sent\"} 1.0");
                assertThat(Sql.strings(db, "SELECT task FROM job_run WHERE outcome = 'ok'")).contains("notifications");
            }
        }
    }

    private static String get(HttpClient client, Hub hub, String bearer, String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(hub.http().baseUrl().resolve(path)).header("Authorization", bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void badSettingsStopTheStartWithTheKeyNamed() {
        assertThatThrownBy(() -> NotificationSettings.from(Settings.of(Map.of("alerts.channel.a.type", "webhook",
                "alerts.channel.a.url", "http://hooks.example.net/a", "alerts.route.r.channels", "a, b"))))
                .isInstanceOf(SettingsException.class).hasMessageContaining("alerts.route.r.channels names b");
        assertThatThrownBy(() -> NotificationSettings.from(Settings.of(Map.of("alerts.channel.s.type", "slack",
                "alerts.channel.s.url", "https://hooks.slack.com/services/T/B/X"))))
                .as("a Slack URL is a credential").hasMessageContaining("alerts.channel.s.url must not hold the secret itself");
        assertThatThrownBy(() -> NotificationSettings.from(Settings.of(Map.of("alerts.channel.a.type", "pager"))))
                .hasMessageContaining("alerts.channel.a.type");
        assertThatThrownBy(() -> NotificationSettings.from(Settings.of(Map.of("alerts.delivery.timeout-seconds", "60"))))
                .hasMessageContaining("alerts.delivery.lease-seconds (120) must be at least 4 × alerts.delivery.timeout-seconds (60)");
        assertThatThrownBy(() -> NotificationSettings.from(Settings.of(Map.of("alerts.channel.a.type", "webhook",
                "alerts.channel.a.url", "ftp://hooks.example.net/a"))))
                .hasMessageContaining("alerts.channel.a.url: use an http or https URL");
    }
}
