package org.tlsrpthub.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tlsrpthub.hub.alerts.Scenario.AT;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.DaneState;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The rules fed by stored live checks: certificates running out, and what the newest check finds broken. */
class LiveCheckRulesTest {
    @TempDir Path dir;
    private Database db;
    private AlertService alerts;
    private CheckStore checks;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        alerts = new AlertService(db, Clock.fixed(AT, ZoneOffset.UTC), AlertSettings.defaults(), (c, t) -> { });
        checks = new CheckStore(db, 100);
        new Scenario(db).daily("a.test", "r.test", -10, 0, 1000).store(); // the domain has reports, as served domains do
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Signal> fired(String rule, Instant at) throws Exception {
        return alerts.dryRun(at).signals().stream().filter(s -> s.rule().equals(rule)).toList();
    }

    private static MxHost mx(String host, Instant notAfter) {
        return new MxHost(host, 10, List.of("192.0.2.1"), "offered", new MxHost.TlsSession("TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                new MxHost.CertificateInfo("CN=" + host, List.of(host), "CN=Test CA", "2026-01-01T00:00:00Z", notAfter.toString(), 0,
                        "RSA", 2048, true, true, "ab"), null);
    }

    private static DomainCheck check(Instant at, List<Finding> findings, MxHost... mx) {
        return new DomainCheck("a.test", at, findings, null, null, List.of(mx), new DaneState("inactive", "DANE inactive: not signed"));
    }

    @Test
    void certificatesRunningOutAreWarningWithin21DaysAndCriticalWithin7OrExpired() throws Exception {
        Instant day = Instant.parse("2026-12-01T00:00:00Z");
        checks.save(check(AT.minus(Duration.ofHours(1)), List.of(), mx("mx1.a.test", day.plus(Duration.ofDays(5))),
                mx("mx2.a.test", day.plus(Duration.ofDays(15))), mx("mx3.a.test", day.plus(Duration.ofDays(60))),
                mx("mx4.a.test", day.minus(Duration.ofDays(2)))), "schedule");

        List<Signal> s = fired("certificate-expiring", AT);
        assertThat(s).extracting(Signal::subject, Signal::severity).containsExactly(tuple("mx1.a.test", Severity.CRITICAL),
                tuple("mx2.a.test", Severity.WARNING), tuple("mx4.a.test", Severity.CRITICAL));
        assertThat(s.get(0).evidence()).containsEntry("days_left", 5L);
        assertThat(s.get(2).summary()).contains("expired");
    }

    @Test
    void aCheckTakenAfterTheEvaluatedInstantIsNotUsed() throws Exception {
        checks.save(check(AT.plus(Duration.ofHours(1)), List.of(), mx("mx1.a.test", AT.plus(Duration.ofDays(3)))), "now");
        assertThat(fired("certificate-expiring", AT)).isEmpty();
        assertThat(fired("certificate-expiring", AT.plus(Duration.ofHours(2)))).hasSize(1);
    }

    @Test
    void errorsOfTheNewestCheckAreIncidentsAndWarningsAreNot() throws Exception {
        checks.save(check(AT.minus(Duration.ofHours(1)), List.of(
                new Finding("sts-policy-fetch-error", FindingSeverity.ERROR, "https://mta-sts.a.test/.well-known/mta-sts.txt", "404", "serve it"),
                new Finding("tlsrpt-record-missing", FindingSeverity.ERROR, "_smtp._tls.a.test TXT", "none", "publish it"),
                new Finding("sts-mode-testing", FindingSeverity.WARNING, "policy", "testing", "enforce when ready")),
                mx("mx1.a.test", AT.plus(Duration.ofDays(90)))), "schedule");

        List<Signal> s = fired("live-check", AT);
        assertThat(s).extracting(Signal::resultType, Signal::severity).containsExactly(
                tuple("sts-policy-fetch-error", Severity.CRITICAL), tuple("tlsrpt-record-missing", Severity.WARNING));
        assertThat(s.get(0).evidence()).containsEntry("fix", "serve it");
        assertThat(fired("certificate-expiring", AT)).isEmpty();
    }

    @Test
    void aCheckOlderThanTwoDaysSaysNothingAboutNow() throws Exception {
        checks.save(check(AT.minus(Duration.ofDays(3)), List.of(
                new Finding("starttls-not-supported", FindingSeverity.ERROR, "mx1.a.test", "no STARTTLS", "enable it"))), "schedule");
        assertThat(fired("live-check", AT)).isEmpty();
        assertThat(fired("live-check", AT.minus(Duration.ofDays(2)))).hasSize(1);
    }
}
