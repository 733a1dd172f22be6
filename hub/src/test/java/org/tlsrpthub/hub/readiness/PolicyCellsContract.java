package org.tlsrpthub.hub.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.DOMAIN;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.MX;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.NOW;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.TODAY;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.sts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.readiness.ReadinessScenario.Failure;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * The policy rollups as the evaluation and the readiness verdict read them ({@link PolicyData#readAll}:
 * many domains at once, each domain's cells aggregated by the database into one JSON text): every
 * name comes back as stored whatever it holds, and summed over policies the cells are the daily
 * rollups the alert rules used to read. Through a {@link PolicyCellsCache}, the cells are the stored
 * ones after every change, by ingest on this node or another.
 */
abstract class PolicyCellsContract {
    protected abstract String emptyDatabaseUrl();

    private String url;
    private Database db;

    @BeforeEach
    void open() {
        url = emptyDatabaseUrl();
        db = Database.open(url);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void namesComeBackAsStoredWhateverTheyHold() throws Exception {
        List<String> odd = new ArrayList<>(List.of("mx,1.example", "mx \"quoted\" [1, 2] {x}.example", "back\\slash\\u0041.example",
                "tab\tunit\u001fnewline\n.example", "héllo-ü.example", "rocket-🚀.example", "", "nul\u0000inside.example"));
        ReadinessScenario s = new ReadinessScenario(db);
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < odd.size(); i++) failures.add(new Failure(i % 2 == 0 ? "validation-failure" : "type, \"odd\" 🚀", odd.get(i), i + 1));
        s.report("reporter, \"odd\" ✉.example", TODAY.minusDays(2), sts("testing", MX, 10, failures.toArray(Failure[]::new)));
        s.report("google.com", TODAY.minusDays(1), sts("testing", MX, 7));
        int end = (int) TODAY.toEpochDay();

        Map<String, PolicyData> read = db.withConnection(c -> PolicyData.readAll(c, List.of(DOMAIN, "never.example"), end - 30, end - 30, end, null));

        Set<String> stored = new TreeSet<>();
        for (List<Object> r : Sql.rows(db, "SELECT day, reporter_key, policy_key, kind, result_type, receiving_mx, sessions"
                + " FROM rollup_policy_daily WHERE policy_domain = ?", DOMAIN)) {
            stored.add(r.toString().replace(" ", ""));
        }
        Set<String> cells = new TreeSet<>();
        for (PolicyData.Cell c : read.get(DOMAIN).cells()) {
            cells.add(List.of(c.day(), c.reporter(), c.policyKey(), c.kind(), c.resultType(), c.mx(), c.sessions()).toString().replace(" ", ""));
        }
        assertThat(stored).hasSize(5 + odd.size()); // R, S, F of the odd report, R and S of the other (no failed sessions, no F cell)
        assertThat(cells).isEqualTo(stored);
        // U+0000 never reaches the store: the parser reads it as U+FFFD (warning nul-character)
        List<String> expected = odd.stream().map(n -> n.replace('\u0000', '\uFFFD')).toList();
        assertThat(read.get(DOMAIN).cells()).extracting(PolicyData.Cell::mx).containsAll(expected);
        assertThat(read.get("never.example")).isEqualTo(PolicyData.none());
    }

    @Test
    void summedOverPoliciesTheCellsAreTheDailyRollups() throws Exception {
        List<String> domains = generated();
        int end = (int) TODAY.toEpochDay();

        Map<String, PolicyData> read = db.withConnection(c -> PolicyData.readAll(c, domains, end - 30, end - 30, end, null));

        for (String domain : domains) {
            Map<String, Long> sessions = new TreeMap<>();
            Set<String> reported = new TreeSet<>();
            for (PolicyData.Cell c : read.get(domain).cells()) {
                String day = c.day() + "|" + c.reporter();
                if (c.kind().equals("R")) reported.add(day);
                else sessions.merge(day + "|" + c.kind() + "|" + c.resultType() + "|" + c.mx(), c.sessions(), Long::sum);
            }
            Map<String, Long> daily = new TreeMap<>();
            Set<String> dailyReported = new TreeSet<>();
            for (List<Object> r : Sql.rows(db, "SELECT day, reporter_key, kind, result_type, receiving_mx, sessions FROM rollup_daily"
                    + " WHERE policy_domain = ?", domain)) {
                String day = r.get(0) + "|" + r.get(1);
                if (r.get(2).equals("R")) dailyReported.add(day);
                else daily.put(day + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4), ((Number) r.get(5)).longValue());
            }
            daily.values().removeIf(n -> n == 0);
            sessions.values().removeIf(n -> n == 0);
            assertThat(sessions).as(domain).hasSizeGreaterThan(60).isEqualTo(daily);
            assertThat(reported).as(domain).hasSize(60).isEqualTo(dailyReported);
        }
        assertThat(read.get(domains.get(0)).cells().stream().map(PolicyData.Cell::policyKey).distinct()).hasSizeGreaterThan(19);

        // the days before the cell window bring their report cells alone (the missing-reports rule's history)
        Map<String, PolicyData> older = db.withConnection(c -> PolicyData.readAll(c, domains, end - 30, end - 8, end, null));
        for (String domain : domains) {
            List<PolicyData.Cell> all = read.get(domain).cells();
            assertThat(older.get(domain).cells()).as(domain).containsExactlyInAnyOrderElementsOf(
                    all.stream().filter(c -> c.day() >= end - 8 || c.kind().equals("R")).toList());
            assertThat(older.get(domain).cells()).as(domain).anyMatch(c -> c.day() < end - 8).hasSizeLessThan(all.size());
        }
    }

    @Test
    void throughTheCacheTheCellsAreTheStoredOnesAfterEveryChange() throws Exception {
        List<String> domains = generated();
        int end = (int) TODAY.toEpochDay();
        PolicyCellsCache cache = new PolicyCellsCache(PolicyCellsCache.defaultMaxCells());
        assertCachedAsStored(cache, domains, end - 30, end - 8, end);
        assertThat(cache.cells()).isPositive();

        // a held day changed behind the store's back (no new revision) is not read again, until its revision moves
        String one = domains.get(1);
        long before = sSessions(db.withConnection(c -> PolicyData.readAll(c, domains, end - 30, end - 8, end, null)).get(one), end - 5);
        Sql.update(db, "UPDATE rollup_policy_daily SET sessions = sessions + 1000 WHERE policy_domain = ? AND day = ? AND kind = 'S'", one, end - 5);
        assertThat(sSessions(db.withConnection(c -> PolicyData.readAll(c, domains, end - 30, end - 8, end, cache)).get(one), end - 5))
                .isEqualTo(before);
        Sql.update(db, "UPDATE rollup_policy_revision SET revision = revision + 1 WHERE policy_domain = ? AND day = ?", one, end - 5);
        assertThat(sSessions(db.withConnection(c -> PolicyData.readAll(c, domains, end - 30, end - 8, end, cache)).get(one), end - 5))
                .isGreaterThanOrEqualTo(before + 1000);
        assertCachedAsStored(cache, domains, end - 30, end - 8, end);

        // ingest: a report about yesterday, one about a past day, and one stored by another hub node
        Map<String, PolicyData> stale = db.withConnection(c -> PolicyData.readAll(c, domains, end - 30, end - 8, end, null));
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.fixed(NOW, ZoneOffset.UTC));
        ingest.commit(List.of(again(ingest, 0, 19), again(ingest, 2, 10)));
        try (Database node = Database.open(url)) {
            IngestService other = new IngestService(node, new CoreInputDecoder(), Clock.fixed(NOW, ZoneOffset.UTC));
            other.commit(List.of(again(other, 3, 15)));
        }
        Map<String, PolicyData> fresh = assertCachedAsStored(cache, domains, end - 30, end - 8, end);
        for (int d : List.of(0, 2, 3)) {
            assertThat(fresh.get(domains.get(d)).cells()).as(domains.get(d)).isNotEqualTo(stale.get(domains.get(d)).cells());
        }

        // the window moves on by a day, a dry run looks back, and the usual window again
        assertCachedAsStored(cache, domains, end - 29, end - 7, end + 1);
        assertCachedAsStored(cache, domains, end - 40, end - 12, end - 10);
        assertCachedAsStored(cache, domains, end - 30, end - 30, end);
    }

    /** The cells through the cache equal those read directly; returns the direct ones. */
    private Map<String, PolicyData> assertCachedAsStored(PolicyCellsCache cache, List<String> domains, int reportsFrom, int from, int end)
            throws Exception {
        Map<String, PolicyData> direct = db.withConnection(c -> PolicyData.readAll(c, domains, reportsFrom, from, end, null));
        Map<String, PolicyData> cached = db.withConnection(c -> PolicyData.readAll(c, domains, reportsFrom, from, end, cache));
        for (String d : domains) {
            assertThat(cached.get(d).cells()).as(d + " from " + from + " to " + end).containsExactlyInAnyOrderElementsOf(direct.get(d).cells());
            assertThat(cached.get(d).cells()).as(d).isNotEmpty();
        }
        return direct;
    }

    private static long sSessions(PolicyData data, int day) {
        return data.cells().stream().filter(c -> c.day() == day && c.kind().equals("S")).mapToLong(PolicyData.Cell::sessions).sum();
    }

    /** Another report of sender 0 about a generated domain and day (0-based), under a new report id. */
    private static PreparedInput again(IngestService ingest, int domain, int day) {
        Report r = new ReportGenerator(8, TODAY.minusDays(20)).report(domain, 0, day);
        Report again = new Report(r.organizationName(), r.dateRange(), r.contactInfo(), r.reportId() + "-again", r.policies());
        return ingest.prepare(new ReportWriter().write(again), Provenance.file("again/" + domain + "/" + day, NOW));
    }

    /** The benchmark's generated reports for 4 domains x 20 days: failures on several MX hosts, a new TLSA policy every day on domain0. */
    private List<String> generated() throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.fixed(NOW, ZoneOffset.UTC));
        ReportGenerator gen = new ReportGenerator(7, TODAY.minusDays(20));
        ReportWriter writer = new ReportWriter();
        List<String> domains = new ArrayList<>();
        for (int d = 0; d < 4; d++) domains.add(ReportGenerator.domainName(d));
        for (int day = 0; day < 20; day++) {
            List<PreparedInput> batch = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                for (int sender = 0; sender < 3; sender++) {
                    batch.add(ingest.prepare(writer.write(gen.report(d, sender, day)), Provenance.file(d + "/" + day + "/" + sender, NOW)));
                }
            }
            ingest.commit(batch);
        }
        return domains;
    }
}
