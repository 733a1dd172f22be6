package org.tlsrpthub.hub.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.alerts.Scenario.AT;
import static org.tlsrpthub.hub.alerts.Scenario.failure;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Sql;

/** Each rule against generated reports: the scenario that must fire, and the traps that must not. */
class RuleScenariosTest {
    @TempDir Path dir;
    Database db;
    Scenario data;
    AlertService alerts;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        data = new Scenario(db);
        alerts = new AlertService(db, Clock.fixed(AT, ZoneOffset.UTC), AlertSettings.defaults(), (c, t) -> { });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Signal> fired(String rule) throws Exception {
        return alerts.dryRun(AT).signals().stream().filter(s -> s.rule().equals(rule)).toList();
    }

    @Test
    void failureRateFiresCriticalAboveFivePercentOverTheLastThreeDays() throws Exception {
        data.daily("a.test", "r.test", -30, -3, 1000).daily("a.test", "r.test", -3, 0, 1000, failure("starttls-not-supported", "mx1.a.test", 100))
                .daily("b.test", "r.test", -30, 0, 970, failure("validation-failure", "mx1.b.test", 30)).store();
        List<Signal> s = fired("failure-rate");
        assertThat(s).extracting(Signal::domain, Signal::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.test", Severity.CRITICAL), org.assertj.core.groups.Tuple.tuple("b.test", Severity.WARNING));
        assertThat(s.get(0).evidence()).containsEntry("sessions", 3300L).containsEntry("failed_sessions", 300L)
                .containsEntry("failure_rate_percent", 9.09);
        assertThat((List<?>) s.get(0).evidence().get("report_ids")).hasSize(3);
    }

    @Test
    void aSingleDayBlipThreeWeeksAgoFiresNothing() throws Exception {
        data.daily("a.test", "r.test", -40, 0, 1000).report("a.test", "r.test", -21, 500, failure("certificate-expired", "mx1.a.test", 500))
                .store();
        assertThat(alerts.dryRun(AT).signals()).isEmpty();
    }

    @Test
    void aDomainWithFifteenSessionsADayDoesNotReachTheMinimum() throws Exception {
        data.daily("small.test", "r.test", -30, 0, 10, failure("starttls-not-supported", "mx1.small.test", 5)).store();
        assertThat(fired("failure-rate")).isEmpty();
    }

    @Test
    void aNewFailureTypeFiresFromTenSessionsAndNotBelow() throws Exception {
        data.daily("a.test", "r.test", -33, 0, 10_000, failure("validation-failure", "mx1.a.test", 1))
                .daily("a.test", "r.test", -3, 0, 0, failure("certificate-expired", "mx1.a.test", 4))
                .daily("b.test", "r.test", -33, 0, 10_000).daily("b.test", "r.test", -3, 0, 0, failure("certificate-expired", "mx1.b.test", 3))
                .store();
        List<Signal> s = fired("new-failure-type");
        assertThat(s).extracting(Signal::domain, Signal::subject).containsExactly(org.assertj.core.groups.Tuple.tuple("a.test", "certificate-expired"));
        assertThat(s.get(0).evidence()).containsEntry("failed_sessions", 12L);
    }

    @Test
    void aReporterFailingFromACleanBaselineIsSenderFailingWithDowngrade() throws Exception {
        data.daily("a.test", "good.test", -17, -3, 1000).daily("a.test", "good.test", -3, 0, 800, failure("starttls-not-supported", "mx1.a.test", 200))
                .daily("a.test", "other.test", -17, 0, 5000).store();
        List<Signal> s = fired("sender-failing");
        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.reporter()).isEqualTo("good.test");
            assertThat(x.mx()).isEqualTo("mx1.a.test");
            assertThat(x.resultType()).isEqualTo("starttls-not-supported");
            assertThat(x.downgrade()).isTrue();
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.evidence()).containsEntry("failure_rate_percent", 20.0).containsEntry("baseline_failure_rate_percent", 0.0);
        });
    }

    @Test
    void oneMxFailingFromACleanBaselineIsSenderFailingForThatMxButNotAnMxThatWasFailingBefore() throws Exception {
        // multi.test delivers to mx1, mx2 and mx3; mx3 refused 2 % of its sessions all along, so multi.test as a whole has no
        // clean baseline. Now mx1 fails 12 % of its sessions (clean before) and mx3 14 % (not clean before); mx2 still works.
        data.daily("a.test", "multi.test", -17, -3, 980, failure("certificate-expired", "mx3.a.test", 20))
                .daily("a.test", "multi.test", -3, 0, 740, failure("starttls-not-supported", "mx1.a.test", 120),
                        failure("certificate-expired", "mx3.a.test", 140))
                .store();
        assertThat(fired("sender-failing")).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("multi.test mx1.a.test");
            assertThat(x.reporter()).isEqualTo("multi.test");
            assertThat(x.mx()).isEqualTo("mx1.a.test");
            assertThat(x.resultType()).isEqualTo("starttls-not-supported");
            assertThat(x.downgrade()).isTrue();
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.parties()).containsExactly("multi.test", "mx1.a.test");
            assertThat(x.evidence()).containsEntry("sessions", 3000L).containsEntry("failed_sessions", 360L)
                    .containsEntry("failure_rate_percent", 12.0).containsEntry("baseline_failure_rate_percent", 0.0)
                    .containsEntry("reporter_failure_rate_percent", 26.0).containsEntry("reporter_baseline_failure_rate_percent", 2.0)
                    .containsEntry("mx_hosts", List.of("mx1.a.test"));
            assertThat((List<?>) x.evidence().get("report_ids")).hasSize(3);
        });
    }

    @Test
    void aCleanReporterFailingOnOneMxIsSenderFailingOnceAsAWhole() throws Exception {
        // the reporter-wide signal names the MX: no second incident for the same failures
        data.daily("a.test", "good.test", -17, -3, 1000)
                .daily("a.test", "good.test", -3, 0, 880, failure("starttls-not-supported", "mx2.a.test", 120)).store();
        assertThat(fired("sender-failing")).singleElement().satisfies(x -> {
            assertThat(x.subject()).isEqualTo("good.test");
            assertThat(x.mx()).isEqualTo("mx2.a.test");
        });
    }

    @Test
    void aReporterThatWasAlwaysFailingIsNotSenderFailing() throws Exception {
        data.daily("a.test", "bad.test", -17, 0, 800, failure("starttls-not-supported", "mx1.a.test", 200)).store();
        assertThat(fired("sender-failing")).isEmpty();
    }

    @Test
    void aDailyReporterSilentForMoreThanSevenDaysIsMissing() throws Exception {
        data.daily("a.test", "gone.test", -30, -8, 100).daily("a.test", "stays.test", -30, 0, 100)
                .daily("a.test", "late.test", -30, -7, 100).store();
        assertThat(fired("missing-reports")).extracting(Signal::subject).containsExactly("gone.test");
    }

    @Test
    void aWeeklyReporterIsJudgedByItsOwnCadence() throws Exception {
        for (int d = -32; d <= -4; d += 7) data.report("weekly.test", "w.test", d, 7, 700); // last one four days ago
        for (int d = -46; d <= -18; d += 7) data.report("gone-weekly.test", "w.test", d, 7, 700); // silent for 17 days
        data.store();
        assertThat(fired("missing-reports")).extracting(Signal::domain, Signal::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gone-weekly.test", "w.test"));
    }

    @Test
    void aDailyDomainWithoutAnyReportForThreeDaysIsMissingAsAWhole() throws Exception {
        data.daily("quiet.test", "r.test", -30, -3, 100).daily("busy.test", "r.test", -30, -2, 100).store();
        assertThat(fired("missing-reports")).extracting(Signal::domain, Signal::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("quiet.test", ""));
        assertThat(fired("missing-reports").get(0).summary()).startsWith("No reporter has sent a report about quiet.test for 3 days");
    }

    @Test
    void intakeFiresOnRecentParseErrorsAndOnAReceiverFailingForMoreThanFifteenMinutes() throws Exception {
        Sql.update(db, "INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at) VALUES (1, X'01', 1, X'00', 'quarantined', 'https', 0), (2, X'02', 1, X'00', 'quarantined', 'https', 0)");
        Sql.update(db, "INSERT INTO quarantine (raw_input_id, kind, reason, message, quarantined_at) VALUES (1, 'SYNTAX', 'bad', 'bad', ?), (2, 'SYNTAX', 'bad', 'bad', ?)",
                AT.minus(Duration.ofHours(1)).toEpochMilli(), AT.minus(Duration.ofDays(2)).toEpochMilli());
        Sql.update(db, "INSERT INTO receiver_failure (node, receiver, failing_since, last_error, last_at) VALUES ('n1', 'imap work', ?, 'refused', ?), ('n1', 'smtp', ?, 'bind', ?)",
                AT.minus(Duration.ofMinutes(20)).toEpochMilli(), AT.toEpochMilli(), AT.minus(Duration.ofMinutes(10)).toEpochMilli(), AT.toEpochMilli());
        List<Signal> s = fired("intake");
        assertThat(s).extracting(Signal::subject).containsExactly("imap work@n1", "parse-errors");
        assertThat(s.get(1).evidence()).containsEntry("quarantined_inputs", 1).containsEntry("quarantine_ids", List.of(1L));
        assertThat(s.get(1).summary()).startsWith("1 input was quarantined for parse errors");
    }

    @Test
    void theEvaluatedDayIsNotCompleteSoItsSessionsAreLeftOut() throws Exception {
        // day 0 is the day of the evaluated instant (06:00): a burst there is not yet part of any window
        data.daily("a.test", "r.test", -30, 0, 1000).report("a.test", "r.test", 0, 0, failure("starttls-not-supported", "mx1.a.test", 5000))
                .store();
        assertThat(alerts.dryRun(AT).signals()).isEmpty();
        assertThat(alerts.dryRun(AT.plus(Duration.ofDays(1))).signals()).extracting(Signal::rule).contains("failure-rate");
    }

    @Test
    void aFailureTypeSeenWithinThePreviousThirtyDaysIsNotNew() throws Exception {
        data.daily("a.test", "r.test", -33, 0, 10_000).report("a.test", "r.test", -20, 0, failure("certificate-expired", "mx1.a.test", 1))
                .daily("a.test", "r.test", -3, 0, 0, failure("certificate-expired", "mx1.a.test", 50)).store();
        assertThat(fired("new-failure-type")).isEmpty();
    }

    @Test
    void aCleanReporterFailingWithANonDowngradeTypeIsSenderFailingWithoutDowngrade() throws Exception {
        data.daily("a.test", "good.test", -17, -3, 1000).daily("a.test", "good.test", -3, 0, 800, failure("sts-policy-fetch-error", "mx1.a.test", 200))
                .store();
        assertThat(fired("sender-failing")).singleElement().satisfies(x -> {
            assertThat(x.downgrade()).isFalse();
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void theSameDataAndTheSameInstantGiveTheSameOutput() throws Exception {
        data.daily("a.test", "r.test", -30, 0, 900, failure("starttls-not-supported", "mx1.a.test", 100))
                .daily("b.test", "s.test", -30, -9, 100).store();
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) runs.add(Json.text(AlertsOutput.of(alerts.dryRun(AT))));
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains("\"rule\":\"failure-rate\"").contains("\"rule\":\"missing-reports\"");
    }
}
