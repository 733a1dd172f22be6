package org.tlsrpthub.hub.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.DOMAIN;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.MX;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.NOW;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.OLD_MX;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.TODAY;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.sts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.alerts.MtaStsSource;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.alerts.IncidentTransition;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;
import org.tlsrpthub.hub.alerts.rules.EnforceWouldFailRule;
import org.tlsrpthub.hub.alerts.rules.ReadinessReadyRule;
import org.tlsrpthub.hub.alerts.rules.StalePolicyRule;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.readiness.ReadinessScenario.Failure;
import org.tlsrpthub.hub.store.Database;

/**
 * The two MTA-STS alert rules (readiness-ready, enforce-would-fail) on generated scenarios stored
 * through the real ingest path, read through the readiness service, with the incident life cycle of
 * the real engine; run unchanged on SQLite and PostgreSQL.
 */
abstract class ReadinessAlertsContract {
    private static final String GOOGLE = "google.com", MICROSOFT = "microsoft.com", SMALL = "small-isp.example";
    private static final String READY = ReadinessReadyRule.ID, ENFORCE = EnforceWouldFailRule.ID;

    private Database db;
    private ReadinessScenario scenario;
    private ReadinessService readiness;
    private final List<IncidentTransition> sent = new CopyOnWriteArrayList<>();

    protected abstract String emptyDatabaseUrl() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        scenario = new ReadinessScenario(db);
        readiness = new ReadinessService(db, Clock.fixed(NOW, ZoneOffset.UTC), ReadinessSettings.DEFAULTS, List.of(new LivePolicySource()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private AlertService alerts(Map<String, String> settings) {
        return new AlertService(db, Clock.fixed(NOW, ZoneOffset.UTC), AlertSettings.from(Settings.of(settings)), (c, t) -> sent.add(t),
                MtaStsSource.of(readiness));
    }

    private List<Signal> signals(AlertService alerts, Instant at, String rule) throws Exception {
        return alerts.dryRun(at).signals().stream().filter(s -> s.rule().equals(rule)).toList();
    }

    private List<IncidentTransition.Kind> transitions(String rule) {
        return sent.stream().filter(t -> t.rule().equals(rule)).map(IncidentTransition::kind).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Object evidenceRow) {
        return (Map<String, Object>) evidenceRow;
    }

    @Test
    void aReadyDomainOpensOneInfoIncidentThatStaysWhileReadyAndResolvesOncePromoted() throws Exception {
        for (String r : List.of(GOOGLE, MICROSOFT)) scenario.daily(r, 20, 1, sts("testing", MX, 5_000));
        scenario.daily(SMALL, 20, 1, sts("testing", MX, 100, new Failure("starttls-not-supported", MX.get(0), 20)));
        AlertService alerts = alerts(Map.of());

        alerts.run(NOW, null);
        assertThat(transitions(READY)).containsExactly(IncidentTransition.Kind.OPENED);
        IncidentTransition opened = sent.stream().filter(t -> t.rule().equals(READY)).findFirst().orElseThrow();
        assertThat(opened.severity()).isEqualTo("info");
        assertThat(opened.domain()).isEqualTo(DOMAIN);
        assertThat(opened.summary()).contains("ready for enforce", "20 day(s)");
        assertThat((List<?>) opened.evidence().get("reasons")).anySatisfy(r -> assertThat(r.toString()).contains("can be promoted to enforce"));
        assertThat((List<?>) opened.evidence().get("would_break")).singleElement().satisfies(row -> assertThat(row(row))
                .containsEntry("reporter", SMALL).containsEntry("result_type", "starttls-not-supported").containsEntry("persistent", true));

        // still ready the next days, with a new report each day: the one incident is only refreshed
        for (int day = 0; day <= 1; day++) {
            for (String r : List.of(GOOGLE, MICROSOFT, SMALL)) scenario.report(r, TODAY.plusDays(day), sts("testing", MX, 5_000));
            alerts.run(NOW.plus(Duration.ofDays(day + 1)), null);
        }
        assertThat(transitions(READY)).containsExactly(IncidentTransition.Kind.OPENED);

        // promoted: the live check fetches enforce; resolved once that has lasted alerts.resolve-after-hours (24)
        Instant promoted = NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(1));
        ReadinessScenario.liveCheck(db, promoted, "enforce");
        assertThat(readiness.readiness(Scope.wholeHub(), DOMAIN, promoted).orElseThrow().verdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
        alerts.run(promoted.plus(Duration.ofHours(1)), null);
        assertThat(transitions(READY)).containsExactly(IncidentTransition.Kind.OPENED);
        alerts.run(promoted.plus(Duration.ofHours(26)), null);
        assertThat(transitions(READY)).containsExactly(IncidentTransition.Kind.OPENED, IncidentTransition.Kind.RESOLVED);
        // enforced and clean: nothing would fail either
        assertThat(transitions(ENFORCE)).isEmpty();
    }

    @Test
    void notReadyAndInsufficientDataAreNoReadyIncident() throws Exception {
        scenario.daily(GOOGLE, 8, 1, sts("testing", MX, 5_000));
        scenario.daily(MICROSOFT, 8, 1, sts("testing", MX, 5_000, new Failure("certificate-expired", MX.get(1), 500)));
        AlertService alerts = alerts(Map.of());
        assertThat(readiness.readiness(Scope.wholeHub(), DOMAIN, null).orElseThrow().verdict())
                .isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(signals(alerts, NOW, READY)).isEmpty();

        scenario.daily(GOOGLE, 20, 9, sts("testing", MX, 5_000));
        scenario.daily(MICROSOFT, 20, 9, sts("testing", MX, 5_000, new Failure("certificate-expired", MX.get(1), 500)));
        assertThat(readiness.readiness(Scope.wholeHub(), DOMAIN, null).orElseThrow().verdict())
                .isEqualTo(Verdict.NOT_READY);
        assertThat(signals(alerts, NOW, READY)).isEmpty();
    }

    @Test
    void anEnforcedPolicyThatMajorSendersPersistentlyFailIsCriticalWithWhatBreaks() throws Exception {
        for (String r : List.of(GOOGLE, MICROSOFT)) {
            scenario.daily(r, 20, 1, sts("enforce", MX, 9_000, new Failure("certificate-expired", MX.get(0), 1_000)));
        }
        scenario.daily(SMALL, 20, 1, sts("enforce", MX, 5_000));
        AlertService alerts = alerts(Map.of());

        assertThat(signals(alerts, NOW, ENFORCE)).singleElement().satisfies(s -> {
            assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(s.subject()).isEmpty();
            assertThat(s.parties()).containsExactly(GOOGLE, MICROSOFT, MX.get(0));
            assertThat(s.summary()).contains("refuse mail", "Persistent enforce-relevant failures are 8.00% of all sessions");
            assertThat(s.evidence()).containsEntry("failed_sessions", 40_000L).containsEntry("sessions", 500_000L)
                    .containsEntry("threshold_percent", 1.0);
            assertThat((List<?>) s.evidence().get("reasons")).anySatisfy(r -> assertThat(r.toString()).contains("Major sender google.com",
                    "10.00%", "mx1.ready.example (certificate-expired)"));
            assertThat((List<?>) s.evidence().get("would_break")).hasSize(2).allSatisfy(row -> assertThat(row(row))
                    .containsEntry("mx", MX.get(0)).containsEntry("result_type", "certificate-expired")
                    .containsEntry("sessions_per_day", 1_000.0).containsEntry("persistent", true));
            assertThat((List<?>) s.evidence().get("report_ids")).isNotEmpty();
        });
        assertThat(signals(alerts, NOW, READY)).isEmpty();

        // the threshold follows readiness.max-failure-percent, and a per-domain override beats it
        assertThat(signals(alerts(Map.of("readiness.max-failure-percent", "15")), NOW, ENFORCE)).isEmpty();
        assertThat(signals(alerts(Map.of("alerts.override.lenient.domains", DOMAIN,
                "alerts.override.lenient.set", "enforce-would-fail.failure-percent=12")), NOW, ENFORCE)).isEmpty();
        assertThat(signals(alerts(Map.of("alerts.override.lenient.domains", DOMAIN,
                "alerts.override.lenient.set", "enforce-would-fail.failure-percent=9")), NOW, ENFORCE)).hasSize(1);

        // opened once, not again on the next evaluation
        alerts.run(NOW, null);
        alerts.run(NOW.plus(Duration.ofHours(1)), null);
        assertThat(transitions(ENFORCE)).containsExactly(IncidentTransition.Kind.OPENED);
    }

    @Test
    void theHostedPolicyIsTheCurrentOneForTheRulesAsForThePage() throws Exception {
        // the reports apply testing; the hub hosts enforce, in force for ten days (more than the reported max_age of 7)
        for (String r : List.of(GOOGLE, MICROSOFT)) scenario.daily(r, 20, 1, sts("testing", MX, 5_000));
        readiness = new ReadinessService(db, Clock.fixed(NOW, ZoneOffset.UTC), ReadinessSettings.DEFAULTS,
                List.of(new org.tlsrpthub.hub.hosting.HostedPolicySource(), new LivePolicySource()));
        AlertService alerts = alerts(Map.of());
        assertThat(signals(alerts, NOW, StalePolicyRule.ID)).isEmpty();

        org.tlsrpthub.hub.testsupport.Sql.update(db, "INSERT INTO hosted_policy_version (domain, version, policy_id, mode, mx, max_age, action,"
                + " actor, created_at) VALUES (?, 1, '20260522v1', 'enforce', ?, 604800, 'create', 'test', ?)", DOMAIN, String.join("\n", MX),
                NOW.minus(Duration.ofDays(10)).toEpochMilli());

        assertThat(signals(alerts, NOW, StalePolicyRule.ID)).extracting(Signal::reporter).containsExactlyInAnyOrder(GOOGLE, MICROSOFT);
        assertThat(readiness.readiness(Scope.wholeHub(), DOMAIN, NOW).orElseThrow().policy().source()).isEqualTo(CurrentPolicy.Source.HOSTED);
    }

    @Test
    void transientFailuresFailuresUnderAnOlderPolicyAndOneMinorSenderDoNotFire() throws Exception {
        // the old testing policy failed a lot; the enforced one is clean but for a one-day blip and a small sender
        for (String r : List.of(GOOGLE, MICROSOFT)) {
            scenario.daily(r, 29, 16, sts("testing", OLD_MX, 1_000, new Failure("certificate-host-mismatch", OLD_MX.get(0), 500)));
            scenario.daily(r, 15, 1, sts("enforce", MX, 50_000));
        }
        scenario.report(GOOGLE, TODAY.minusDays(3), sts("enforce", MX, 1_000, new Failure("validation-failure", MX.get(1), 4_000)));
        scenario.daily(SMALL, 15, 1, sts("enforce", MX, 100, new Failure("starttls-not-supported", MX.get(0), 20)));
        AlertService alerts = alerts(Map.of());

        assertThat(signals(alerts, NOW, ENFORCE)).isEmpty();
        // judged on the day of the change, the failing old testing policy was current: not ready, and not enforced
        assertThat(signals(alerts, NOW.minus(Duration.ofDays(15)), ENFORCE)).isEmpty();
        assertThat(signals(alerts, NOW.minus(Duration.ofDays(15)), READY)).isEmpty();
    }
}
