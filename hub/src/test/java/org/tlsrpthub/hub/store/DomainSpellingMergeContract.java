package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.hub.testsupport.DashboardRollupCheck;
import org.tlsrpthub.hub.testsupport.PolicyRollupCheck;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Migration V31 on a store written before policy domains were normalised: reports stored with
 * their domains as sent (written here without the parser, as the hub did then), then the store
 * opened again so that Flyway applies V31 to it.
 */
public abstract class DomainSpellingMergeContract {
    private static final Instant DAY1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-03-02T00:00:00Z");

    protected abstract String emptyDatabaseUrl() throws Exception;

    @Test
    void everySpellingOfADomainIsMergedIntoItsOneFormWithCountsSummed() throws Exception {
        String url = emptyDatabaseUrl();
        try (Database db = Database.open(url)) {
            ReportStore store = new ReportStore(db, Clock.systemUTC());
            db.inTransaction(c -> store.write(c, List.of(
                    request("r1", DAY1, "a.example", policy("example.com", 10, 1, "certificate-expired")),
                    request("r2", DAY1, "a.example", policy("Example.COM.", 20, 2, "certificate-expired")),
                    request("r3", DAY2, "b.example", policy("EXAMPLE.com", 5, 0, null)),
                    // one report naming the domain in two spellings is one report about it
                    request("r4", DAY1, "b.example", policy("example.com.", 1, 0, null), policy("example.com", 2, 0, null)),
                    request("r5", DAY1, "a.example", policy("Bücher.example", 7, 0, null)),
                    request("r6", DAY1, "a.example", policy("xn--bcher-kva.example", 3, 1, "starttls-not-supported")),
                    request("r7", DAY1, "a.example", policy("Bad_Name.Example.", 4, 0, null))), true));
            Sql.update(db, "INSERT INTO served_domain (domain, added_at) VALUES ('bücher.example', 1), ('example.com', 2)");
            Sql.update(db, "DELETE FROM flyway_schema_history WHERE version = '31'");
            assertThat(domainsIn(db, "SELECT DISTINCT policy_domain FROM rollup_domain_total")).hasSize(7);
        }

        try (Database db = Database.open(url)) {
            Set<String> one = Set.of("example.com", "xn--bcher-kva.example", "Bad_Name.Example.");
            assertThat(domainsIn(db, "SELECT DISTINCT policy_domain FROM policy")).isEqualTo(one);
            for (String table : List.of("rollup_daily", "rollup_domain_daily", "rollup_domain_monthly",
                    "rollup_dimension_daily", "rollup_domain_total")) {
                assertThat(domainsIn(db, "SELECT DISTINCT policy_domain FROM " + table)).as(table).isEqualTo(one);
            }
            assertThat(domainsIn(db, "SELECT domain FROM served_domain"))
                    .containsExactlyInAnyOrder("example.com", "xn--bcher-kva.example");
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM report")).isEqualTo(7);
            RollupCheck.assertRollupsMatchRawRows(db);
            DashboardRollupCheck.assertDashboardRollupsMatchRawRows(db);
            assertThat(Sql.rows(db, """
                    SELECT reports, successful_sessions, failed_sessions FROM rollup_domain_total
                    WHERE policy_domain = 'example.com'""").get(0).stream().map(n -> ((Number) n).longValue()))
                    .containsExactly(4L, 38L, 3L);
            assertThat(Sql.count(db, """
                    SELECT sessions FROM rollup_dimension_daily WHERE policy_domain = 'example.com'
                    AND dimension = 'result-type' AND value = 'certificate-expired'""")).isEqualTo(3);
            PolicyRollupCheck.assertPolicyRollupsMatchRawRows(db);
            // cells kept in memory by revision are read again: every merged domain's days have a new one
            assertThat(revisions(db)).containsEntry("example.com|" + day(DAY1), 2L).containsEntry("Example.COM.|" + day(DAY1), 2L)
                    .containsEntry("EXAMPLE.com|" + day(DAY2), 2L).containsEntry("example.com|" + day(DAY2), 1L)
                    .containsEntry("Bad_Name.Example.|" + day(DAY1), 1L);
        }
    }

    @Test
    void aStoreWithOneSpellingPerDomainIsLeftAsItIs() throws Exception {
        String url = emptyDatabaseUrl();
        try (Database db = Database.open(url)) {
            ReportStore store = new ReportStore(db, Clock.systemUTC());
            db.inTransaction(c -> store.write(c, List.of(request("r1", DAY1, "a.example", policy("example.com", 1, 0, null))), true));
            Sql.update(db, "DELETE FROM flyway_schema_history WHERE version = '31'");
        }
        try (Database db = Database.open(url)) {
            assertThat(domainsIn(db, "SELECT DISTINCT policy_domain FROM rollup_daily")).containsExactly("example.com");
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '31' AND success"))
                    .isEqualTo(1);
        }
    }

    private static Map<String, Long> revisions(Database db) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (List<Object> r : Sql.rows(db, "SELECT policy_domain, day, revision FROM rollup_policy_revision")) {
            out.put(r.get(0) + "|" + ((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue());
        }
        return out;
    }

    private static long day(Instant at) {
        return at.getEpochSecond() / 86_400;
    }

    private static Set<String> domainsIn(Database db, String sql) throws Exception {
        Set<String> out = new TreeSet<>();
        for (List<Object> r : Sql.rows(db, sql)) out.add((String) r.get(0));
        return out;
    }

    private static PolicyResult policy(String domain, long ok, long failed, String failureType) {
        List<FailureDetail> details = failureType == null ? List.of() : List.of(new FailureDetail(
                ResultType.of(failureType), "192.0.2.1", "mx.example.com", null, "198.51.100.1", failed, null, null));
        return new PolicyResult(new Policy(PolicyType.STS, List.of("version: STSv1"), domain, List.of()),
                new Summary(ok, failed), details);
    }

    private static StoreRequest request(String id, Instant day, String reporter, PolicyResult... policies) {
        Report r = new Report("Org " + reporter, new DateRange(day, day.plusSeconds(86_399)), "tlsrpt@" + reporter, id,
                new ArrayList<>(List.of(policies)));
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        return new StoreRequest(RawInput.of(bytes, Provenance.file(id, day)), List.of(new ParsedReport(r, List.of())), null);
    }
}
