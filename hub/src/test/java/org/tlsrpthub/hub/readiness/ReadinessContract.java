package org.tlsrpthub.hub.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.DOMAIN;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.MX;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.NOW;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.OLD_MX;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.TODAY;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.noPolicy;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.sts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.alerts.MtaStsSource;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.alerts.Signal;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.readiness.ReadinessScenario.Failure;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.PolicyRollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * The verdict of issue 13 §1 for a generated scenario each, with the traps of §4, read from the
 * policy rollups of a real store; run unchanged on SQLite and PostgreSQL.
 */
abstract class ReadinessContract {
    private static final String GOOGLE = "google.com", MICROSOFT = "microsoft.com", SMALL = "small-isp.example";

    private String url;
    private Database db;
    private ReadinessScenario scenario;
    private ReadinessService service;

    protected abstract String emptyDatabaseUrl() throws Exception;

    @BeforeEach
    void open() throws Exception {
        url = emptyDatabaseUrl();
        db = Database.open(url);
        scenario = new ReadinessScenario(db);
        service = new ReadinessService(db, Clock.fixed(NOW, ZoneOffset.UTC), ReadinessSettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Readiness verdict() throws Exception {
        PolicyRollupCheck.assertPolicyRollupsMatchRawRows(db);
        return service.readiness(Scope.wholeHub(), DOMAIN, null).orElseThrow();
    }

    /** Google, Microsoft and a small sender report the testing policy for the days given, all delivered. */
    private void cleanTesting(int daysAgo, int untilDaysAgo) throws Exception {
        for (String r : List.of(GOOGLE, MICROSOFT, SMALL)) scenario.daily(r, daysAgo, untilDaysAgo, sts("testing", MX, 5_000));
    }

    @Test
    void reportsDatedTodayCountOnlyOnceTheDayIsComplete() throws Exception {
        for (String r : List.of(GOOGLE, MICROSOFT)) scenario.daily(r, 20, 1, sts("testing", MX, 5_000));
        scenario.daily(SMALL, 20, 1, sts("testing", OLD_MX, 5_000));
        Readiness before = verdict();
        StalePolicy staleBefore = service.stalePolicy(Scope.wholeHub(), DOMAIN, null).orElseThrow();
        assertThat(staleBefore.reporters()).extracting(StalePolicy.Reporter::reporter, StalePolicy.Reporter::lastReportDay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SMALL, TODAY.minusDays(1)));

        // today: the same policies again (their spans now reach today) and a policy no one applied before
        scenario.report(GOOGLE, TODAY, sts("testing", MX, 5_000));
        scenario.report(SMALL, TODAY, sts("testing", OLD_MX, 5_000));
        scenario.report(MICROSOFT, TODAY, sts("enforce", MX, 5_000));

        assertThat(verdict()).isEqualTo(before);
        assertThat(service.stalePolicy(Scope.wholeHub(), DOMAIN, null).orElseThrow()).isEqualTo(staleBefore);
    }

    @Test
    void twentyCleanDaysAreReady() throws Exception {
        cleanTesting(20, 1);
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(r.window().daysObserved()).isEqualTo(20);
        assertThat(r.window().sessions()).isEqualTo(3 * 20 * 5_000L);
        assertThat(r.window().majorSenders()).containsExactly(GOOGLE, MICROSOFT);
        assertThat(r.policy().mode()).isEqualTo("testing");
        assertThat(r.policy().mx()).isEqualTo(MX);
        assertThat(r.policy().maxAge()).isEqualTo(604_800L);
        assertThat(r.policy().since()).isEqualTo(TODAY.minusDays(20));
        assertThat(r.wouldBreak()).isEmpty();
        assertThat(r.reasons().get(0)).contains("20 day(s)", "300,000 sessions", "3 reporter(s)");
    }

    @Test
    void failuresOnlyUnderAnOldPolicyDoNotCount() throws Exception {
        for (String r : List.of(GOOGLE, MICROSOFT)) {
            scenario.daily(r, 30, 16, sts("testing", OLD_MX, 1_000, new Failure("certificate-host-mismatch", OLD_MX.get(0), 500)));
        }
        cleanTesting(15, 1);
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(r.policy().mx()).isEqualTo(MX);
        assertThat(r.wouldBreak()).isEmpty();
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("15,000 failed sessions reported under older policies",
                "old-mx.ready.example"));
        // the same store judged on the day the policy changed: the old one was current and failing
        Readiness before = service.readiness(Scope.wholeHub(), DOMAIN, NOW.minus(java.time.Duration.ofDays(15))).orElseThrow();
        assertThat(before.policy().mx()).isEqualTo(OLD_MX);
        assertThat(before.verdict()).isEqualTo(Verdict.NOT_READY);
    }

    @Test
    void oneMinorSenderWithoutStarttlsIsReadyButListed() throws Exception {
        scenario.daily(GOOGLE, 20, 1, sts("testing", MX, 50_000));
        scenario.daily(MICROSOFT, 20, 1, sts("testing", MX, 50_000));
        scenario.daily(SMALL, 20, 1, sts("testing", MX, 100, new Failure("starttls-not-supported", MX.get(0), 20)));
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(r.wouldBreak()).singleElement().satisfies(w -> {
            assertThat(w.reporter()).isEqualTo(SMALL);
            assertThat(w.mx()).isEqualTo(MX.get(0));
            assertThat(w.resultType()).isEqualTo("starttls-not-supported");
            assertThat(w.sessionsPerDay()).isEqualTo(20.0);
            assertThat(w.persistent()).isTrue();
            assertThat(w.majorSender()).isFalse();
            assertThat(w.fix()).isNotBlank();
        });
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("1 of them minor"));
    }

    @Test
    void eightDaysAreInsufficient() throws Exception {
        cleanTesting(8, 1);
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("Only 8 day(s)", "at least 14"));
    }

    @Test
    void dataThatStoppedTwoWeeksAgoIsInsufficient() throws Exception {
        cleanTesting(30, 14);
        Readiness r = verdict();
        assertThat(r.window().daysObserved()).isEqualTo(17);
        assertThat(r.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("newest report covers " + TODAY.minusDays(14), "stopped"));
    }

    private void liveCheck(Instant at, String mode, Finding... findings) throws Exception {
        ReadinessScenario.liveCheck(db, at, mode, findings);
    }

    @Test
    void theLiveFetchedPolicyIsTheCurrentOneBeforeTheReports() throws Exception {
        cleanTesting(20, 1);
        service = new ReadinessService(db, Clock.fixed(NOW, ZoneOffset.UTC), ReadinessSettings.DEFAULTS, List.of(new LivePolicySource()));
        liveCheck(NOW.minus(Duration.ofDays(3)), "testing");
        liveCheck(NOW.minus(Duration.ofDays(2)), "enforce");
        liveCheck(NOW.minus(Duration.ofHours(1)), "enforce");
        liveCheck(NOW.plus(Duration.ofHours(1)), "testing"); // after the instant asked about: not seen

        Readiness r = verdict();
        assertThat(r.policy().source()).isEqualTo(CurrentPolicy.Source.LIVE);
        assertThat(r.policy().mode()).isEqualTo("enforce");
        assertThat(r.policy().since()).isEqualTo(TODAY.minusDays(2));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void aReporterPastTheOldMaxAgeIsAStalePolicyIncidentAndOneWithinItIsNot() throws Exception {
        scenario.daily(GOOGLE, 29, 11, sts("testing", OLD_MX, 1_000));
        scenario.daily(SMALL, 29, 1, sts("testing", OLD_MX, 1_000));
        scenario.daily(GOOGLE, 10, 1, sts("testing", MX, 1_000));
        scenario.daily(MICROSOFT, 10, 1, sts("testing", MX, 1_000));
        AlertService alerts = new AlertService(db, Clock.fixed(NOW, ZoneOffset.UTC), AlertSettings.defaults(), (c, t) -> { },
                MtaStsSource.of(service));

        List<Signal> stale = alerts.dryRun(NOW).signals().stream().filter(x -> x.rule().equals("stale-policy")).toList();
        assertThat(stale).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo(SMALL);
            assertThat(x.evidence()).containsEntry("days_since_change", 10L).containsEntry("applied_max_age", 604_800L);
        });
        // eight days after the change the week-long cache plus a day's grace has not run out yet
        assertThat(alerts.dryRun(NOW.minus(Duration.ofDays(2))).signals()).noneMatch(x -> x.rule().equals("stale-policy"));
    }

    @Test
    void readyReportsAreNotReadyWhileTheLiveCheckFindsTheMxBroken() throws Exception {
        cleanTesting(20, 1);
        liveCheck(NOW.minus(Duration.ofHours(1)), "testing",
                new Finding("sts-mode-testing", FindingSeverity.WARNING, "policy", "testing", "promote when ready"));
        assertThat(verdict().verdict()).isEqualTo(Verdict.READY); // a warning does not block

        liveCheck(NOW.minus(Duration.ofMinutes(30)), "testing", new Finding("certificate-expired", FindingSeverity.ERROR,
                "mx1.ready.example [192.0.2.1]", "The certificate expired yesterday.", "Renew it."));
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(r.reasons()).anySatisfy(x -> assertThat(x).contains("live check", "certificate-expired", "mx1.ready.example"));
    }

    @Test
    void enforceIsNotApplicable() throws Exception {
        for (String r : List.of(GOOGLE, MICROSOFT)) scenario.daily(r, 20, 1, sts("enforce", MX, 5_000));
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(r.policy().mode()).isEqualTo("enforce");
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("already in enforce mode"));
    }

    @Test
    void noMtaStsPolicyIsNotApplicable() throws Exception {
        scenario.daily(GOOGLE, 20, 1, noPolicy(5_000));
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(r.policy()).isNull();
    }

    @Test
    void persistentPolicyFetchErrorsFromMajorSendersAreNotReady() throws Exception {
        scenario.daily(SMALL, 20, 1, sts("testing", MX, 5_000));
        for (String r : List.of(GOOGLE, MICROSOFT)) {
            scenario.daily(r, 20, 1, noPolicy(9_000, new Failure("sts-policy-fetch-error", "", 1_000)));
        }
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("Major sender google.com", "10.00%", "20,000 of 200,000"));
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("Major sender microsoft.com"));
        assertThat(r.wouldBreak()).hasSize(2).allSatisfy(w -> {
            assertThat(w.resultType()).isEqualTo("sts-policy-fetch-error");
            assertThat(w.persistent()).isTrue();
            assertThat(w.sessionsPerDay()).isEqualTo(1_000.0);
        });
    }

    @Test
    void aTransientOneDayFailureDoesNotBlock() throws Exception {
        cleanTesting(20, 2);
        scenario.report(GOOGLE, TODAY.minusDays(1), sts("testing", MX, 1_000, new Failure("validation-failure", MX.get(1), 4_000)));
        scenario.daily(MICROSOFT, 1, 1, sts("testing", MX, 5_000));
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
        assertThat(r.wouldBreak()).singleElement().satisfies(w -> {
            assertThat(w.persistent()).isFalse();
            assertThat(w.days()).isEqualTo(1);
        });
    }

    @Test
    void withoutAMajorSenderTheDataIsInsufficient() throws Exception {
        scenario.daily(SMALL, 20, 1, sts("testing", MX, 5_000));
        Readiness r = verdict();
        assertThat(r.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("No major sender"));
    }

    @Test
    void staleReportersAreListedWithTheChangeAndMaxAge() throws Exception {
        scenario.daily(GOOGLE, 29, 11, sts("testing", OLD_MX, 1_000));
        scenario.daily(SMALL, 29, 1, sts("testing", OLD_MX, 1_000));
        scenario.daily(GOOGLE, 10, 1, sts("testing", MX, 1_000));
        scenario.daily(MICROSOFT, 10, 1, sts("testing", MX, 1_000));
        StalePolicy stale = service.stalePolicy(Scope.wholeHub(), DOMAIN, null).orElseThrow();
        assertThat(stale.policy().mx()).isEqualTo(MX);
        assertThat(stale.changedOn()).isEqualTo(TODAY.minusDays(10));
        assertThat(stale.reporters()).singleElement().satisfies(s -> {
            assertThat(s.reporter()).isEqualTo(SMALL);
            assertThat(s.mx()).isEqualTo(OLD_MX);
            assertThat(s.lastReportDay()).isEqualTo(TODAY.minusDays(1));
            assertThat(s.daysSinceChange()).isEqualTo(10);
            assertThat(s.maxAge()).isEqualTo(604_800L);
            assertThat(s.pastMaxAge()).isTrue(); // ten days is more than the week the old policy could be cached
        });
    }

    @Test
    void reportsStoredBeforeThePolicyRollupsAreAddedWhenTheStoreOpens() throws Exception {
        cleanTesting(20, 1);
        scenario.daily(SMALL, 20, 1, sts("testing", MX, 100, new Failure("starttls-not-supported", MX.get(0), 20)));
        Readiness before = verdict();
        // as a store migrated to V63 finds them: reports, no policy rollups, the range to add
        Sql.update(db, "DELETE FROM rollup_policy_daily");
        Sql.update(db, "DELETE FROM rollup_policy_applied");
        Sql.update(db, "INSERT INTO policy_rollup_backfill (next_report_id, last_report_id) SELECT MIN(id), MAX(id) FROM report");
        db.close();
        db = Database.open(url);
        service = new ReadinessService(db, Clock.fixed(NOW, ZoneOffset.UTC), ReadinessSettings.DEFAULTS);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM policy_rollup_backfill")).isZero();
        assertThat(verdict()).isEqualTo(before);
    }

    @Test
    void anUnknownDomainIsNotFound() throws Exception {
        cleanTesting(3, 1);
        assertThat(service.readiness(Scope.wholeHub(), "unknown.example", null)).isEmpty();
        assertThat(service.stalePolicy(Scope.wholeHub(), "unknown.example", null)).isEmpty();
    }

    @Test
    void theOverviewColumnFollowsNewReports() throws Exception {
        cleanTesting(20, 2);
        assertThat(service.overviewColumn(List.of(DOMAIN))).containsEntry(DOMAIN, new MtaStsColumn("testing", Verdict.READY));
        // a major sender fails persistently: the cached column must not survive the new reports
        scenario.daily(GOOGLE, 1, 1, sts("testing", MX, 1_000, new Failure("certificate-expired", MX.get(0), 3_000)));
        scenario.report(GOOGLE, TODAY.minusDays(21), sts("testing", MX, 1_000, new Failure("certificate-expired", MX.get(0), 3_000)));
        assertThat(service.overviewColumn(List.of(DOMAIN))).containsEntry(DOMAIN, new MtaStsColumn("testing", Verdict.NOT_READY));
    }
}
