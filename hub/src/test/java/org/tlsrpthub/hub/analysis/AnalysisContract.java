package org.tlsrpthub.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.DashboardData.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.core.testsupport.Corpus;
import org.tlsrpthub.hub.testsupport.DashboardData;
import org.tlsrpthub.hub.testsupport.DashboardRollupCheck;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * The dashboard query services against numbers summed independently from the raw rows, run
 * unchanged on each database. The data is loaded once per class and only read (the quarantine
 * test re-parses an input that stays quarantined).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AnalysisContract {
    private static final Period LAST_30 = Period.preset("30d", LocalDate.of(2026, 2, 20));

    protected Database db;
    private OverviewService overview;
    private DomainAnalysisService domains;
    private ReportQueryService reports;
    private QuarantineQueryService quarantine;

    protected abstract String emptyDatabaseUrl() throws Exception;

    @BeforeAll
    void load() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        var ingest = DashboardData.load(db);
        overview = new OverviewService(db, DashboardData.CLOCK);
        domains = new DomainAnalysisService(db, DashboardData.CLOCK);
        reports = new ReportQueryService(db);
        quarantine = new QuarantineQueryService(db, new ReprocessService(db, ingest));
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @Test
    void dashboardRollupsEqualTheSumsOverRawRows() throws Exception {
        DashboardRollupCheck.assertDashboardRollupsMatchRawRows(db);
        RollupCheck.assertRollupsMatchRawRows(db);
    }

    /** The V20 migration fills its tables from what an older hub stored: run that part again on real data. */
    @Test
    void migrationBackfillRebuildsTheSameRollups() throws Exception {
        String resource = "/db/migration/" + db.dialect().name().toLowerCase(java.util.Locale.ROOT) + "/V20__dashboard_rollups.sql";
        String script;
        try (var in = getClass().getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<String> inserts = new java.util.ArrayList<>();
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (statement.strip().startsWith("INSERT INTO rollup_")) inserts.add(statement.strip());
        }
        assertThat(inserts).hasSize(7);
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                for (String t : List.of("rollup_domain_daily", "rollup_domain_monthly", "rollup_dimension_daily", "rollup_domain_total")) {
                    st.executeUpdate("DELETE FROM " + t);
                }
                for (String insert : inserts) st.executeUpdate(insert);
            }
            return null;
        });
        DashboardRollupCheck.assertDashboardRollupsMatchRawRows(db);
    }

    /** reports, successful, failed of a domain over a period, from the report and policy rows. */
    private long[] rawTotals(String domain, Period p) throws SQLException {
        long reportsN = Sql.count(db, """
                SELECT COUNT(DISTINCT r.id) FROM report r JOIN policy p ON p.report_id = r.id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?""",
                domain, p.startMillis(), p.endMillisExclusive());
        long ok = Sql.count(db, """
                SELECT COALESCE(SUM(p.successful_sessions), 0) FROM report r JOIN policy p ON p.report_id = r.id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?""",
                domain, p.startMillis(), p.endMillisExclusive());
        long failed = Sql.count(db, """
                SELECT COALESCE(SUM(p.failed_sessions), 0) FROM report r JOIN policy p ON p.report_id = r.id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?""",
                domain, p.startMillis(), p.endMillisExclusive());
        return new long[] {reportsN, ok, failed};
    }

    @Test
    void overviewListsEveryDomainWithTotalsEqualToRawSums() throws Exception {
        OverviewPage page = overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 100));

        assertThat(page.domains()).extracting(DomainOverview::domain).contains(domain(0), domain(1), domain(4), "example.com");
        long sumReports = 0;
        for (DomainOverview d : page.domains()) {
            long[] raw = rawTotals(d.domain(), LAST_30);
            assertThat(new long[] {d.totals().reports(), d.totals().successfulSessions(), d.totals().failedSessions()})
                    .as(d.domain()).containsExactly(raw);
            assertThat(d.daily()).hasSize(30);
            assertThat(d.daily().stream().mapToLong(DailyCount::failedSessions).sum()).isEqualTo(raw[2]);
            sumReports += raw[0];
        }
        assertThat(page.totals().reports()).isEqualTo(sumReports);
        assertThat(page.matching()).isEqualTo(page.domains().size());
    }

    @Test
    void overviewOfPeriodsWithWholeMonthsEqualsRawSums() throws Exception {
        for (Period p : List.of(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 19)),
                new Period(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 31)),
                new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 2, 28)),
                Period.preset("365d", LocalDate.of(2026, 2, 20)))) {
            OverviewPage page = overview.overview(Scope.wholeHub(), new OverviewQuery(p, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 500));
            for (DomainOverview d : page.domains()) {
                assertThat(new long[] {d.totals().reports(), d.totals().successfulSessions(), d.totals().failedSessions()})
                        .as(d.domain() + " " + p).containsExactly(rawTotals(d.domain(), p));
            }
        }
    }

    @Test
    void statusFollowsTheDocumentedThresholds() throws Exception {
        OverviewPage page = overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, "domain", null, OverviewQuery.Sort.DOMAIN, false, 0, 100));
        Map<String, DomainOverview> byName = new HashMap<>();
        page.domains().forEach(d -> byName.put(d.domain(), d));

        // reported until yesterday: never silent; the status follows from the failure rate alone
        for (int i = 0; i < 4; i++) {
            DomainOverview d = byName.get(domain(i));
            double rate = d.totals().failureRate();
            DomainStatus expected = rate >= 0.10 ? DomainStatus.FAILING : rate >= 0.01 ? DomainStatus.DEGRADED : DomainStatus.HEALTHY;
            assertThat(d.status()).as(d.domain()).isEqualTo(expected);
            assertThat(d.lastReportEnd()).isEqualTo(Instant.parse("2026-02-19T23:59:59Z"));
        }
        assertThat(byName.get(domain(4)).status()).isEqualTo(DomainStatus.SILENT);
        assertThat(page.statusCounts().get(DomainStatus.SILENT))
                .isEqualTo((int) page.domains().stream().filter(d -> d.status() == DomainStatus.SILENT).count());
        // every domain, the corpus's too: silent exactly when the newest report ended more than 72 h ago
        assertThat(overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 500)).domains())
                .allSatisfy(d -> assertThat(d.status() == DomainStatus.SILENT)
                        .isEqualTo(d.lastReportEnd() == null || d.lastReportEnd().isBefore(DashboardData.NOW.minusSeconds(72 * 3600))));
    }

    @Test
    void overviewSortsFiltersAndPages() throws Exception {
        OverviewPage all = overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, "DOMAIN", null, OverviewQuery.Sort.FAILED, true, 0, 100));
        assertThat(all.domains()).extracting(DomainOverview::domain).contains(domain(0), domain(1), domain(2), domain(3), domain(4));
        assertThat(all.domains()).isSortedAccordingTo((a, b) -> Long.compare(b.totals().failedSessions(), a.totals().failedSessions()));

        OverviewPage second = overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, "domain", null, OverviewQuery.Sort.FAILED, true, 1, 2));
        assertThat(second.matching()).isEqualTo(all.matching());
        assertThat(second.domains()).extracting(DomainOverview::domain)
                .containsExactly(all.domains().get(2).domain(), all.domains().get(3).domain());

        // page x size past Integer.MAX_VALUE: an empty page past the end, not an overflow into an error
        OverviewPage far = overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, "domain", null, OverviewQuery.Sort.FAILED, true,
                Integer.MAX_VALUE, OverviewQuery.MAX_SIZE));
        assertThat(far.domains()).isEmpty();
        assertThat(far.matching()).isEqualTo(all.matching());

        OverviewPage silent = overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, "domain", DomainStatus.SILENT, OverviewQuery.Sort.DOMAIN, false, 0, 10));
        assertThat(silent.domains()).extracting(DomainOverview::domain).contains(domain(4))
                .doesNotContain(domain(0), domain(1), domain(2), domain(3));
    }

    @Test
    void topFailureTypeIsTheTypeWithMostFailedSessions() throws Exception {
        OverviewPage page = overview.overview(Scope.wholeHub(), new OverviewQuery(LAST_30, domain(1), null, OverviewQuery.Sort.DOMAIN, false, 0, 10));
        List<List<Object>> rows = Sql.rows(db, """
                SELECT d.result_type, SUM(d.failed_session_count) AS n
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?
                GROUP BY d.result_type ORDER BY n DESC, d.result_type""", domain(1), LAST_30.startMillis(), LAST_30.endMillisExclusive());
        assertThat(page.domains()).singleElement().satisfies(d -> assertThat(d.topFailureType()).isEqualTo(rows.get(0).get(0)));
    }

    @Test
    void domainAnalysisBreakdownsEqualRawSums() throws Exception {
        String d = domain(0);
        DomainAnalysis a = domains.analyse(Scope.wholeHub(), d, LAST_30, 5).orElseThrow();
        long[] raw = rawTotals(d, LAST_30);
        assertThat(new long[] {a.current().reports(), a.current().successfulSessions(), a.current().failedSessions()}).containsExactly(raw);
        assertThat(new long[] {a.previous().reports(), a.previous().successfulSessions(), a.previous().failedSessions()})
                .containsExactly(rawTotals(d, LAST_30.previous()));
        assertThat(a.change().sessions()).isEqualTo(a.current().totalSessions() - a.previous().totalSessions());
        assertThat(a.daily()).hasSize(30);
        // the period ends yesterday, a complete day: today, with nothing yet, is not in it
        assertThat(a.period().to()).isEqualTo(DashboardData.NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1));
        assertThat(a.daily().get(29).reports()).isEqualTo(DashboardData.SENDERS);
        assertThat(a.daily().get(28).reports()).isEqualTo(DashboardData.SENDERS);

        String window = "p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?";
        Object[] args = {d, LAST_30.startMillis(), LAST_30.endMillisExclusive()};
        Map<Object, Long> byType = sums("""
                SELECT d.result_type, d.failed_session_count
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id WHERE""" + " " + window, args);
        assertThat(a.byFailureType()).hasSize(byType.size()).allSatisfy(t -> {
            assertThat(t.failedSessions()).as(t.resultType()).isEqualTo(byType.get(t.resultType()));
            assertThat(t.description().title()).isNotBlank();
            assertThat(t.description().steps()).isNotEmpty();
        });
        Map<Object, Long> byIp = sums("""
                SELECT d.sending_mta_ip, d.failed_session_count
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id WHERE""" + " " + window, args);
        assertThat(a.bySendingIp()).hasSize(Math.min(5, byIp.size()))
                .allSatisfy(ip -> assertThat(ip.sessions()).isEqualTo(byIp.get(ip.name())));
        long fifth = a.bySendingIp().get(a.bySendingIp().size() - 1).sessions();
        assertThat(byIp.values().stream().filter(v -> v > fifth).count()).as("top N are the busiest").isLessThan(5);
        Map<Object, Long> byMx = sums("""
                SELECT COALESCE(d.receiving_mx_hostname, ''), d.failed_session_count
                FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id WHERE""" + " " + window, args);
        assertThat(a.byReceivingMx()).allSatisfy(mx -> assertThat(mx.sessions()).isEqualTo(byMx.get(mx.name())));
        Map<Object, Long> okByType = sums("""
                SELECT p.policy_type, p.successful_sessions FROM policy p JOIN report r ON r.id = p.report_id WHERE""" + " " + window, args);
        assertThat(a.byPolicyType()).extracting(DomainAnalysis.PolicyTypeCount::policyType).contains("sts");
        assertThat(a.byPolicyType()).allSatisfy(t -> assertThat(t.successfulSessions()).isEqualTo(okByType.get(t.policyType())));
        Map<Object, Long> okByReporter = sums("""
                SELECT r.reporter_key, p.successful_sessions FROM policy p JOIN report r ON r.id = p.report_id WHERE""" + " " + window, args);
        assertThat(a.byReporter()).hasSize(DashboardData.SENDERS)
                .allSatisfy(r -> assertThat(r.successfulSessions()).isEqualTo(okByReporter.get(r.reporter())));
        assertThat(a.byReporter()).extracting(DomainAnalysis.ReporterCount::organizationName).contains("Google Inc.");
    }

    @Test
    void appliedPoliciesAreEachSendersNewest() throws Exception {
        DomainAnalysis a = domains.analyse(Scope.wholeHub(), domain(0), LAST_30, 5).orElseThrow();
        assertThat(a.appliedPolicies()).extracting(DomainAnalysis.AppliedPolicy::reporter).contains("google.com");
        assertThat(a.appliedPolicies()).allSatisfy(p -> {
            assertThat(p.lastSeen()).isEqualTo(LocalDate.of(2026, 2, 19));
            assertThat(p.variantsSeen()).isGreaterThanOrEqualTo(1);
        });
        assertThat(a.appliedPolicies()).filteredOn(p -> p.policyType().equals("sts"))
                .allSatisfy(p -> assertThat(p.policyStrings()).contains("version: STSv1", "mode: enforce"));
    }

    @Test
    void reportListFiltersByDomainSenderPeriodAndFailures() throws Exception {
        ReportPage page = reports.list(Scope.wholeHub(), new ReportFilter(domain(2), null, LAST_30, true, 0, 10));
        long expected = Sql.count(db, """
                SELECT COUNT(DISTINCT r.id) FROM report r JOIN policy p ON p.report_id = r.id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ? AND r.failed_sessions > 0""",
                domain(2), LAST_30.startMillis(), LAST_30.endMillisExclusive());
        assertThat(page.matching()).isEqualTo(expected).isPositive();
        assertThat(page.reports()).hasSize((int) Math.min(10, expected)).allSatisfy(r -> {
            assertThat(r.failedSessions()).isPositive();
            assertThat(r.policyDomains()).contains(domain(2));
        });
        assertThat(page.reports()).isSortedAccordingTo((x, y) -> y.rangeStart().compareTo(x.rangeStart()));

        ReportPage google = reports.list(Scope.wholeHub(), new ReportFilter(null, "google", null, null, 0, 500));
        assertThat(google.reports()).allSatisfy(r -> assertThat(r.organizationName().toLowerCase()).contains("google"));
        ReportPage byKey = reports.list(Scope.wholeHub(), new ReportFilter(domain(0), "microsoft.com", null, null, 0, 500));
        assertThat(byKey.matching()).isEqualTo(DashboardData.DAYS);
    }

    @Test
    void oneReportCarriesWarningsProvenanceCanonicalJsonAndTheOriginalBytes() throws Exception {
        Path file = Corpus.reportsDir().resolve("dmarc-report-viewer__no-contact.json");
        long id = Sql.count(db, "SELECT r.id FROM report r JOIN raw_input i ON i.id = r.raw_input_id WHERE i.origin = ?",
                file.toString());
        ReportDetail r = reports.get(Scope.wholeHub(), id).orElseThrow();
        assertThat(r.warnings()).isNotEmpty();
        assertThat(r.provenance().channel()).isEqualTo("file");
        assertThat(r.provenance().remoteAddressOrOrigin()).isEqualTo(file.toString());
        assertThat(r.provenance().sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(readAll(file))));
        assertThat(r.canonicalJson()).contains("\"organization-name\"", "\"policies\"");
        assertThat(reports.raw(Scope.wholeHub(), id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(readAll(file)));
        assertThat(reports.get(Scope.wholeHub(), -1)).isEmpty();
        assertThat(reports.raw(Scope.wholeHub(), -1)).isEmpty();
    }

    @Test
    void failureDetailExportHasEveryDetailOfThePeriod() throws Exception {
        List<FailureDetailRow> rows = reports.failureDetails(Scope.wholeHub(), domain(3), LAST_30, 100_000);
        assertThat((long) rows.size()).isEqualTo(Sql.count(db, """
                SELECT COUNT(*) FROM failure_detail d JOIN policy p ON p.id = d.policy_id JOIN report r ON r.id = d.report_id
                WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ?""",
                domain(3), LAST_30.startMillis(), LAST_30.endMillisExclusive()));
        assertThat(rows).allSatisfy(row -> assertThat(row.policyDomain()).isEqualTo(domain(3)));
    }

    @Test
    void quarantineListsTheBrokenInputWithItsBytesAndKeepsItAfterReprocessing() throws Exception {
        QuarantinePage page = quarantine.list(Scope.wholeHub(), 0, 50);
        assertThat(page.matching()).isEqualTo(Sql.count(db, "SELECT COUNT(*) FROM quarantine")).isPositive();
        QuarantinedInput broken = page.items().stream().filter(q -> "198.51.100.9".equals(q.origin())).findFirst().orElseThrow();
        assertThat(broken.channel()).isEqualTo("smtp");
        assertThat(broken.reason()).isNotBlank();
        assertThat(broken.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(DashboardData.BROKEN_INPUT)));
        assertThat(quarantine.get(Scope.wholeHub(), broken.id())).hasValueSatisfying(c -> assertThat(c.bytes()).isEqualTo(DashboardData.BROKEN_INPUT));

        var result = quarantine.reprocess(Scope.wholeHub(), broken.id(), Actor.system()).orElseThrow();
        assertThat(result.stillQuarantined()).isEqualTo(1);
        assertThat(quarantine.get(Scope.wholeHub(), broken.id())).isPresent();
        assertThat(quarantine.reprocess(Scope.wholeHub(), -5, Actor.system())).isEmpty();
    }

    private Map<Object, Long> sums(String sql, Object... args) throws SQLException {
        Map<Object, Long> out = new HashMap<>();
        for (List<Object> r : Sql.rows(db, sql, args)) out.merge(r.get(0), ((Number) r.get(1)).longValue(), Long::sum);
        return out;
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
