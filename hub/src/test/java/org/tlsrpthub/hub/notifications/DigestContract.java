package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.hub.alerts.IncidentTransition;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.Owner;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.ownership.OwnershipTestData;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.ManualClock;

/**
 * The daily and weekly digests: each recipient of a domain gets one email per completed day or week
 * with the open incidents, the failure rate against the period before and the top failure types with their fix;
 * queued once however often the job runs, and sent through the relay like any notification. Run on
 * SQLite and PostgreSQL.
 */
abstract class DigestContract {
    @TempDir Path dir;
    Database db;
    StartTlsRelay relay;
    final ManualClock clock = new ManualClock();

    protected abstract String emptyDatabaseUrl();

    @BeforeEach
    void start() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        relay = new StartTlsRelay(dir);
        clock.now = Instant.parse("2026-11-25T10:00:00Z"); // a Wednesday: the last complete week is 16 to 22 November
    }

    @AfterEach
    void stop() {
        relay.close();
        db.close();
    }

    private static void report(IngestService ingest, String id, LocalDate day, long ok, long failed) throws Exception {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<FailureDetail> details = failed == 0 ? List.of()
                : List.of(new FailureDetail(ResultType.CERTIFICATE_EXPIRED, "192.0.2.1", "mx.shop.example.com", null, "192.0.2.200", failed, null, null));
        PolicyResult p = new PolicyResult(new Policy(PolicyType.STS, List.of("version: STSv1", "mode: enforce", "mx: mx.shop.example.com",
                "max_age: 86400"), "shop.example.com", List.of("mx.shop.example.com")), new Summary(ok, failed), details);
        Report r = new Report("Sender Org", new DateRange(start, start.plusSeconds(86_399)), "mailto:tlsrpt@sender.example", id, List.of(p));
        assertThat(ingest.ingest(new ReportWriter().write(r), Provenance.file(id, start)).status()).isEqualTo(IngestStatus.STORED);
    }

    @Test
    void aDailyDigestCoversYesterdayAgainstTheDayBeforeOncePerRecipient() throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        report(ingest, "two-days-ago", LocalDate.of(2026, 11, 23), 200, 0);
        report(ingest, "yesterday", LocalDate.of(2026, 11, 24), 80, 20);
        report(ingest, "today", LocalDate.of(2026, 11, 25), 0, 500); // today is not complete: not in the digest
        OwnershipTestData.organisation(db, "alpha");
        new AssignmentService(db, clock).assign(OwnershipTestData.hubAdmin(), Actor.cli(), "shop.example.com", "alpha");
        new OwnersService(db, clock).addOwner(OwnershipTestData.scope("ann", "alpha", Role.ADMIN), Actor.cli(), "shop.example.com",
                Owner.Kind.EMAIL, "shop-team@example.org");

        Map<String, String> s = relay.channel(dir, StartTlsRelay.PASSWORD);
        s.putAll(Map.of("alerts.digest.channel", "mail", "alerts.digest.period", "daily"));
        Notifications n = Notifications.from(Settings.of(s), db, clock, new PrometheusRegistry());
        assertThat(n.digests().queueDue()).isEqualTo(1);
        assertThat(n.digests().queueDue()).as("once per recipient and day").isZero();
        assertThat(n.delivery().deliverDue().sent()).isEqualTo(1);

        MimeMessage m = relay.received.get(0);
        assertThat(m.getHeader("To")[0]).isEqualTo("shop-team@example.org");
        assertThat(m.getSubject()).isEqualTo("TLS-RPT Hub daily digest: 0 open incidents, 1 domains, 2026-11-24");
        assertThat((String) m.getContent()).contains("digest for 2026-11-24 (UTC), compared with the day before", "Open incidents: none",
                "failure rate 20.00 % of 100 sessions (before: 0.00 % of 200)", "certificate-expired: 20 failed sessions", "fix: ");

        clock.now = Instant.parse("2026-11-26T00:30:00Z");
        assertThat(n.digests().queueDue()).as("the next day").isEqualTo(1);
    }

    @Test
    void eachRecipientGetsOneDigestPerWeekAboutTheirDomains() throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        report(ingest, "previous-week", LocalDate.of(2026, 11, 11), 100, 0);
        report(ingest, "last-week", LocalDate.of(2026, 11, 18), 90, 10);
        OwnershipTestData.organisation(db, "alpha");
        new AssignmentService(db, clock).assign(OwnershipTestData.hubAdmin(), Actor.cli(), "shop.example.com", "alpha");
        Scope alphaAdmin = OwnershipTestData.scope("ann", "alpha", Role.ADMIN);
        OwnersService owners = new OwnersService(db, clock);
        owners.addOwner(alphaAdmin, Actor.cli(), "shop.example.com", Owner.Kind.EMAIL, "shop-team@example.org");
        owners.setAlertRoute(alphaAdmin, "alpha", "alpha-alerts@example.org");

        Map<String, String> s = relay.channel(dir, StartTlsRelay.PASSWORD);
        s.putAll(Map.of("alerts.digest.channel", "mail", "alerts.digest.period", "weekly"));
        Notifications n = Notifications.from(Settings.of(s), db, clock, new PrometheusRegistry());
        db.inTransaction(c -> {
            n.outbox().enqueue(c, NotificationContract.transition(5, "shop.example.com", "critical"));
            n.outbox().enqueue(c, NotificationContract.transition(6, "shop.example.com", "warning"));
            IncidentTransition opened = NotificationContract.transition(6, "shop.example.com", "warning");
            n.outbox().enqueue(c, new IncidentTransition(6, IncidentTransition.Kind.RESOLVED, "alpha", "shop.example.com", opened.rule(),
                    "", "warning", opened.at().plusSeconds(3600), "resolved", Map.of(), opened.link()));
            return null;
        });

        assertThat(n.digests().queueDue()).isEqualTo(2);
        assertThat(n.digests().queueDue()).as("once per recipient and week").isZero();
        assertThat(n.delivery().deliverDue().sent()).as("3 incident emails and a digest, to 2 recipients").isEqualTo(8);

        List<MimeMessage> digests = new java.util.ArrayList<>();
        for (MimeMessage m : relay.received) if (m.getSubject().contains("digest")) digests.add(m);
        assertThat(digests).extracting(m -> m.getHeader("To")[0])
                .containsExactlyInAnyOrder("shop-team@example.org", "alpha-alerts@example.org");
        MimeMessage m = digests.get(0);
        assertThat(m.getSubject()).isEqualTo("TLS-RPT Hub weekly digest: 1 open incidents, 1 domains, 2026-11-16");
        String text = (String) m.getContent();
        assertThat(text).contains("2026-11-16 to 2026-11-22 (UTC), compared with the week before",
                "Open incidents: 1", "shop.example.com: critical failure-rate since 2026-11-01T06:00:00Z",
                "failure rate 10.00 % of 100 sessions (before: 0.00 % of 100)", "certificate-expired: 10 failed sessions", "fix: ");

        clock.now = Instant.parse("2026-11-29T23:00:00Z"); // Sunday: that week is not complete yet
        assertThat(n.digests().queueDue()).isZero();
        clock.now = Instant.parse("2026-11-30T00:30:00Z");
        assertThat(n.digests().queueDue()).as("the next week").isEqualTo(2);
    }
}
