package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.alerts.IncidentTransition;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.OwnershipTestData;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.ManualClock;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * The outbox and its delivery, run unchanged on SQLite and PostgreSQL, against webhook receivers on
 * loopback: what arrives (body, signature, Slack and Teams formats), retries with backoff, failure
 * after the last attempt, guard refusals, no redirects.
 */
abstract class NotificationContract {
    @TempDir Path dir;
    Database db;
    WebhookReceiver receiver;
    final ManualClock clock = new ManualClock();
    final PrometheusRegistry registry = new PrometheusRegistry();
    Notifications notifications;

    protected abstract String emptyDatabaseUrl();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
        if (db != null) db.close();
    }

    static IncidentTransition transition(long id, String domain, String severity) {
        return new IncidentTransition(id, IncidentTransition.Kind.OPENED, "alpha", domain, "failure-rate", "", severity,
                Instant.parse("2026-11-01T06:00:00Z"), "Failure rate 7.5 % over 3 days (750 of 10000 sessions) <b>&",
                Map.of("rate_percent", 7.5, "sessions", 10000, "window", "2026-10-29/2026-10-31"), "/incidents/" + id);
    }

    Notifications configure(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of("alerts.allow-private", "true", "http.public-url", "https://hub.example.net/"));
        all.putAll(settings);
        notifications = Notifications.from(Settings.of(all), db, clock, registry);
        return notifications;
    }

    void enqueue(IncidentTransition... ts) throws Exception {
        db.inTransaction(c -> {
            for (IncidentTransition t : ts) notifications.outbox().enqueue(c, t);
            return null;
        });
    }

    List<NotificationService.NotificationView> rows() throws Exception {
        return notifications.service().recent(Scope.wholeHub(), 100);
    }

    double counted(String channel, String outcome) {
        return registry.scrape().stream().filter(s -> s.getMetadata().getPrometheusName().equals("tlsrpt_notifications"))
                .flatMap(s -> ((CounterSnapshot) s).getDataPoints().stream())
                .filter(d -> d.getLabels().get("channel").equals(channel) && d.getLabels().get("outcome").equals(outcome))
                .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).sum();
    }

    @Test
    void aWebhookGetsTheTransitionAsJsonSignedWithItsSecret() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret-key\n");
        configure(Map.of("alerts.channel.hook.type", "webhook", "alerts.channel.hook.url", receiver.url("/hook"),
                "alerts.channel.hook.secret-file", secret.toString()));
        enqueue(transition(42, "example.com", "critical"));
        assertThat(receiver.requests).as("nothing is sent by the transaction itself").isEmpty();

        assertThat(notifications.delivery().deliverDue().sent()).isEqualTo(1);

        WebhookReceiver.Request r = receiver.requests.get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret-key".getBytes(), "HmacSHA256"));
        assertThat(r.header("X-Signature")).isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(r.body())));
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.path("kind").asText()).isEqualTo("opened");
        assertThat(body.path("delivery").asLong()).isEqualTo(rows().get(0).id()).isEqualTo(Long.parseLong(r.header("X-TLSRPT-Delivery")));
        JsonNode incident = body.path("incident");
        assertThat(incident.path("id").asLong()).isEqualTo(42);
        assertThat(incident.path("domain").asText()).isEqualTo("example.com");
        assertThat(incident.path("severity").asText()).isEqualTo("critical");
        assertThat(incident.path("evidence").path("sessions").asInt()).isEqualTo(10000);
        assertThat(incident.path("link").asText()).isEqualTo("https://hub.example.net/incidents/42");
        assertThat(rows()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("sent");
            assertThat(v.attempts()).isEqualTo(1);
        });
        assertThat(counted("hook", "sent")).isEqualTo(1);
        assertThat(notifications.delivery().deliverDue().sent()).as("sent once").isZero();
        assertThat(receiver.requests).hasSize(1);
    }

    @Test
    void slackGetsTextAndBlocksAndTeamsAnAdaptiveCard() throws Exception {
        Path slackUrl = Files.writeString(dir.resolve("slack-url"), receiver.url("/slack"));
        Path teamsUrl = Files.writeString(dir.resolve("teams-url"), receiver.url("/teams"));
        configure(Map.of("alerts.channel.slack.type", "slack", "alerts.channel.slack.url-file", slackUrl.toString(),
                "alerts.channel.teams.type", "teams", "alerts.channel.teams.url-file", teamsUrl.toString()));
        enqueue(transition(7, "example.com", "warning"));
        assertThat(notifications.delivery().deliverDue().sent()).isEqualTo(2);

        JsonNode slack = Json.MAPPER.readTree(receiver.to("/slack").get(0).body());
        SlackFormat.assertIncomingWebhookMessage(slack);
        assertThat(slack.path("text").asText()).contains("example.com", "failure-rate");
        assertThat(slack.toString()).as("Slack markup in the hub's text is escaped").contains("&lt;b&gt;&amp;").doesNotContain("<b>");
        assertThat(slack.path("blocks").findValuesAsText("text")).anyMatch(t -> t.contains("<https://hub.example.net/incidents/7|"));

        JsonNode teams = Json.MAPPER.readTree(receiver.to("/teams").get(0).body());
        TeamsFormat.assertAdaptiveCardMessage(teams);
        JsonNode card = teams.path("attachments").get(0).path("content");
        assertThat(card.path("body").get(0).path("text").asText()).contains("warning failure-rate opened for example.com");
        assertThat(card.path("actions").get(0).path("url").asText()).isEqualTo("https://hub.example.net/incidents/7");
    }

    @Test
    void aFailedSendIsRetriedWithAGrowingWaitThenSent() throws Exception {
        configure(Map.of("alerts.channel.hook.type", "webhook", "alerts.channel.hook.url", receiver.url("/hook"),
                "alerts.delivery.backoff-seconds", "30"));
        receiver.answer(n -> WebhookReceiver.Answer.of(n < 2 ? 503 : 200));
        enqueue(transition(1, "example.com", "critical"));

        assertThat(notifications.delivery().deliverDue().retried()).isEqualTo(1);
        NotificationService.NotificationView v = rows().get(0);
        assertThat(v.status()).isEqualTo("pending");
        assertThat(v.lastError()).contains("attempt 1", "HTTP 503");
        assertThat(v.nextAttemptAt()).isEqualTo(clock.now.plusSeconds(30));
        notifications.delivery().deliverDue();
        assertThat(receiver.requests).as("not due yet").hasSize(1);

        clock.advance(Duration.ofSeconds(30));
        assertThat(notifications.delivery().deliverDue().retried()).isEqualTo(1);
        assertThat(rows().get(0).nextAttemptAt()).as("the wait doubles").isEqualTo(clock.now.plusSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        notifications.delivery().deliverDue();
        assertThat(receiver.requests).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(notifications.delivery().deliverDue().sent()).isEqualTo(1);
        assertThat(receiver.requests).hasSize(3);
        assertThat(rows().get(0).status()).isEqualTo("sent");
        assertThat(rows().get(0).attempts()).isEqualTo(3);
        assertThat(counted("hook", "retry")).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheNotificationIsFailedAndSaysWhy() throws Exception {
        configure(Map.of("alerts.channel.hook.type", "webhook", "alerts.channel.hook.url", receiver.url("/hook"),
                "alerts.delivery.max-attempts", "2", "alerts.delivery.backoff-seconds", "1"));
        receiver.answer(n -> WebhookReceiver.Answer.of(500));
        enqueue(transition(1, "example.com", "critical"));
        notifications.delivery().deliverDue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(notifications.delivery().deliverDue().failed()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        notifications.delivery().deliverDue();

        assertThat(receiver.requests).hasSize(2);
        assertThat(rows()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("failed");
            assertThat(v.lastError()).contains("attempt 2", "HTTP 500");
        });
        assertThat(counted("hook", "failed")).isEqualTo(1);
    }

    @Test
    void aLoopbackWebhookIsRefusedUnlessPrivateTargetsAreAllowed() throws Exception {
        configure(Map.of("alerts.allow-private", "false", "alerts.channel.hook.type", "webhook", "alerts.channel.hook.url",
                receiver.url("/hook")));
        enqueue(transition(1, "example.com", "critical"));
        assertThat(notifications.delivery().deliverDue().failed()).as("failed at once: trying again cannot help").isEqualTo(1);
        assertThat(receiver.requests).as("no connection was made").isEmpty();
        assertThat(rows().get(0).lastError()).contains("127.0.0.1 is a loopback address", "alerts.allow-private=true");
        assertThat(rows().get(0).attempts()).isEqualTo(1);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        configure(Map.of("alerts.channel.hook.type", "webhook", "alerts.channel.hook.url", receiver.url("/hook")));
        receiver.answer(n -> new WebhookReceiver.Answer(302, Map.of("Location", receiver.url("/elsewhere"))));
        enqueue(transition(1, "example.com", "critical"));
        assertThat(notifications.delivery().deliverDue().retried()).isEqualTo(1);
        assertThat(receiver.requests).extracting(WebhookReceiver.Request::path).containsExactly("/hook");
        assertThat(rows().get(0).lastError()).contains("HTTP 302", "redirects are not followed");
    }

    @Test
    void routesPickChannelsByDomainAndSeverityWithADefault() throws Exception {
        Map<String, String> s = new HashMap<>();
        for (String c : List.of("a", "b", "c")) {
            s.put("alerts.channel." + c + ".type", "webhook");
            s.put("alerts.channel." + c + ".url", receiver.url("/" + c));
        }
        s.putAll(Map.of("alerts.route.default.channels", "a", "alerts.route.shop.domains", "Shop.Example.com.",
                "alerts.route.shop.channels", "b", "alerts.route.pager.domains", "shop.example.com",
                "alerts.route.pager.min-severity", "critical", "alerts.route.pager.channels", "c"));
        configure(s);
        enqueue(transition(1, "other.example", "warning"), transition(2, "shop.example.com", "warning"),
                transition(3, "shop.example.com", "critical"));
        assertThat(Sql.strings(db, "SELECT incident_id || ':' || channel FROM notification_outbox ORDER BY incident_id, channel"))
                .containsExactly("1:a", "2:b", "3:b", "3:c");
    }

    @Test
    void withoutRoutesEveryChannelGetsEveryTransition() throws Exception {
        configure(Map.of("alerts.channel.a.type", "webhook", "alerts.channel.a.url", receiver.url("/a"),
                "alerts.channel.b.type", "webhook", "alerts.channel.b.url", receiver.url("/b")));
        enqueue(transition(1, "example.com", "warning"));
        assertThat(Sql.strings(db, "SELECT channel FROM notification_outbox ORDER BY channel")).containsExactly("a", "b");
    }

    @Test
    void aRolledBackIncidentChangeLeavesNoNotification() throws Exception {
        configure(Map.of("alerts.channel.a.type", "webhook", "alerts.channel.a.url", receiver.url("/a")));
        try {
            db.inTransaction(c -> {
                notifications.outbox().enqueue(c, transition(1, "example.com", "warning"));
                throw new IllegalStateException("the incident change failed");
            });
        } catch (IllegalStateException expected) {
            // the caller's transaction is rolled back, and the outbox row with it
        }
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM notification_outbox")).isZero();
    }

    @Test
    void anOrganisationSeesOnlyItsOwnDomainsNotifications() throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        OwnershipTestData.organisation(db, "alpha");
        OwnershipTestData.organisation(db, "beta");
        OwnershipTestData.report(ingest, "a.example.com", "b.example.com");
        AssignmentService assignment = new AssignmentService(db, clock);
        assignment.assign(OwnershipTestData.hubAdmin(), Actor.cli(), "a.example.com", "alpha");
        assignment.assign(OwnershipTestData.hubAdmin(), Actor.cli(), "b.example.com", "beta");
        configure(Map.of("alerts.channel.a.type", "webhook", "alerts.channel.a.url", receiver.url("/a")));
        enqueue(transition(1, "a.example.com", "warning"), transition(2, "b.example.com", "critical"));

        assertThat(notifications.service().recent(OwnershipTestData.scope("ann", "alpha", Role.VIEWER), 100))
                .extracting(NotificationService.NotificationView::domain).containsExactly("a.example.com");
        assertThat(notifications.service().recent(OwnershipTestData.scope("eve", "beta", Role.VIEWER), 100))
                .extracting(NotificationService.NotificationView::domain).containsExactly("b.example.com");
        assertThat(rows()).hasSize(2);
    }
}
