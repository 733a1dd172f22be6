package org.tlsrpthub.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.TwoOrgs.A_DOMAIN;
import static org.tlsrpthub.hub.testsupport.TwoOrgs.B_DOMAIN;
import static org.tlsrpthub.hub.testsupport.TwoOrgs.LOOSE;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.summary.SummaryService;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.testsupport.TwoOrgs;

/**
 * Every read of the service layer, as organisation A, organisation B and the whole hub, on each
 * database: A sees its domains and its policies only, a report covering A and B shows each its own
 * part, and whatever is B's or unassigned is answered as if it did not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ScopeContract {
    private static final Period PERIOD = Period.preset("30d", LocalDate.of(2026, 2, 20));
    private static final Scope A = TwoOrgs.a();
    private static final Scope B = TwoOrgs.b();
    private static final Scope HUB = Scope.wholeHub();
    private static final Actor ALICE = Actor.user("alice", "127.0.0.1", TwoOrgs.A);
    private static final Actor BOB = Actor.user("bob", "127.0.0.1", TwoOrgs.B);

    protected Database db;
    private TwoOrgs.Ids ids;
    private OverviewService overview;
    private DomainAnalysisService domains;
    private ReportQueryService reports;
    private QuarantineQueryService quarantine;

    protected abstract String emptyDatabaseUrl() throws Exception;

    @BeforeAll
    void load() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        ids = TwoOrgs.load(db);
        overview = new OverviewService(db, TwoOrgs.CLOCK);
        domains = new DomainAnalysisService(db, TwoOrgs.CLOCK);
        reports = new ReportQueryService(db);
        quarantine = new QuarantineQueryService(db, new ReprocessService(db, new IngestService(db, new CoreInputDecoder(), TwoOrgs.CLOCK)));
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    private OverviewPage overviewOf(Scope s) throws Exception {
        return overview.overview(s, new OverviewQuery(PERIOD, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 100));
    }

    @Test
    void theOverviewListsAndCountsOnlyTheOrganisationsDomains() throws Exception {
        OverviewPage a = overviewOf(A);
        assertThat(a.domains()).extracting(DomainOverview::domain).containsExactly(A_DOMAIN);
        // its own report and its part of the shared one: 100 + 10 successful, 5 failed
        assertThat(a.totals()).isEqualTo(SessionTotals.of(2, 110, 5));
        assertThat(a.matching()).isEqualTo(1);
        assertThat(a.statusCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(overviewOf(B).domains()).extracting(DomainOverview::domain).containsExactly(B_DOMAIN);
        assertThat(overviewOf(B).totals()).isEqualTo(SessionTotals.of(2, 220, 10));
        // the whole hub sees the unassigned domain too
        assertThat(overviewOf(HUB).domains()).extracting(DomainOverview::domain).containsExactly(A_DOMAIN, B_DOMAIN, LOOSE);
        // a name search does not reach past the organisation
        assertThat(overview.overview(A, new OverviewQuery(PERIOD, "b.", null, OverviewQuery.Sort.DOMAIN, false, 0, 10)).matching()).isZero();
    }

    @Test
    void anotherOrganisationsOrAnUnassignedDomainIsLikeAnUnknownOne() throws Exception {
        assertThat(domains.analyse(A, A_DOMAIN, PERIOD, 5)).hasValueSatisfying(d -> {
            assertThat(d.current()).isEqualTo(SessionTotals.of(2, 110, 5));
            assertThat(d.byFailureType()).singleElement().satisfies(t -> assertThat(t.failedSessions()).isEqualTo(5));
        });
        for (String other : List.of(B_DOMAIN, LOOSE, "unknown.example", "B.Example.")) {
            assertThat(domains.analyse(A, other, PERIOD, 5)).as(other).isEmpty();
            assertThat(domains.daily(A, other, PERIOD)).as(other).isEmpty();
            assertThat(new SummaryService(db).summarise(A, other, PERIOD.from(), PERIOD.to())).as(other).isEmpty();
        }
        assertThat(domains.analyse(B, B_DOMAIN, PERIOD, 5)).hasValueSatisfying(d -> assertThat(d.current().failedSessions()).isEqualTo(10));
        assertThat(domains.analyse(HUB, LOOSE, PERIOD, 5)).isPresent();
        assertThat(domains.daily(HUB, B_DOMAIN, PERIOD)).hasValueSatisfying(d -> assertThat(d).hasSize(30));
    }

    @Test
    void theReportListShowsEachOrganisationItsOwnPoliciesOnly() throws Exception {
        ReportPage a = reports.list(A, new ReportFilter(null, null, null, null, 0, 50));
        assertThat(a.matching()).isEqualTo(2);
        assertThat(a.reports()).extracting(ReportListItem::id).containsExactlyInAnyOrder(ids.aOnly(), ids.both());
        ReportListItem shared = a.reports().stream().filter(r -> r.id() == ids.both()).findFirst().orElseThrow();
        assertThat(shared.policyDomains()).containsExactly(A_DOMAIN);
        assertThat(shared.successfulSessions()).isEqualTo(10);
        assertThat(shared.failedSessions()).isZero();

        // searching by another organisation's domain finds nothing, not the shared report
        assertThat(reports.list(A, new ReportFilter(B_DOMAIN, null, null, null, 0, 50)).matching()).isZero();
        assertThat(reports.list(A, new ReportFilter(LOOSE, null, PERIOD, null, 0, 50)).matching()).isZero();
        // failures are A's own: the shared report's failed sessions are B's
        assertThat(reports.list(A, new ReportFilter(null, null, null, true, 0, 50)).reports())
                .extracting(ReportListItem::id).containsExactly(ids.aOnly());
        assertThat(reports.list(A, new ReportFilter(null, "sender", null, false, 0, 50)).reports())
                .extracting(ReportListItem::id).containsExactly(ids.both());
        assertThat(reports.list(B, new ReportFilter(null, null, null, true, 0, 50)).reports())
                .extracting(ReportListItem::id).containsExactlyInAnyOrder(ids.bOnly(), ids.both());

        ReportPage hub = reports.list(HUB, new ReportFilter(null, null, null, null, 0, 50));
        assertThat(hub.matching()).isEqualTo(4);
        assertThat(hub.reports()).filteredOn(r -> r.id() == ids.both()).singleElement()
                .satisfies(r -> assertThat(r.policyDomains()).containsExactly(A_DOMAIN, B_DOMAIN));
    }

    @Test
    void oneReportIsTheOrganisationsPartOrNotFound() throws Exception {
        ReportDetail part = reports.get(A, ids.both()).orElseThrow();
        assertThat(part.policies()).extracting(ReportDetail.StoredPolicy::policyDomain).containsExactly(A_DOMAIN);
        assertThat(part.successfulSessions()).isEqualTo(10);
        assertThat(part.failedSessions()).isZero();
        assertThat(part.canonicalJson()).contains(A_DOMAIN).doesNotContain(B_DOMAIN, "b-secret");
        assertThat(part.provenance().rawInputId()).isNull();
        assertThat(part.contenders()).isEmpty();
        assertThat(reports.get(B, ids.both()).orElseThrow().policies()).singleElement()
                .satisfies(p -> assertThat(p.failureDetails()).singleElement()
                        .satisfies(f -> assertThat(f.additionalInformation()).isEqualTo("b-secret-shared")));

        for (long other : List.of(ids.bOnly(), ids.loose(), -1L)) assertThat(reports.get(A, other)).as("report " + other).isEmpty();
        ReportDetail own = reports.get(A, ids.aOnly()).orElseThrow();
        assertThat(own.contenders()).extracting(ReportDetail.Contender::rawInputId).containsExactly(ids.conflictA());
        assertThat(own.provenance().rawInputId()).isNotNull();

        ReportDetail whole = reports.get(HUB, ids.both()).orElseThrow();
        assertThat(whole.policies()).hasSize(2);
        assertThat(whole.failedSessions()).isEqualTo(3);
        assertThat(reports.get(HUB, ids.loose())).isPresent();
    }

    @Test
    void theRawInputIsGivenOnlyWhenEveryPolicyIsTheOrganisations() throws Exception {
        assertThat(reports.raw(A, ids.aOnly())).hasValueSatisfying(b -> assertThat(new String(b)).contains("a-only"));
        assertThat(reports.raw(A, ids.both())).isEmpty();
        assertThat(reports.raw(B, ids.both())).isEmpty();
        assertThat(reports.raw(A, ids.bOnly())).isEmpty();
        assertThat(reports.raw(A, ids.loose())).isEmpty();
        assertThat(reports.raw(HUB, ids.both())).hasValueSatisfying(b -> assertThat(new String(b)).contains(B_DOMAIN));
    }

    @Test
    void theFailureExportHoldsOnlyTheOrganisationsPolicies() throws Exception {
        List<FailureDetailRow> a = reports.failureDetails(A, null, PERIOD, 1000);
        assertThat(a).singleElement().satisfies(r -> {
            assertThat(r.policyDomain()).isEqualTo(A_DOMAIN);
            assertThat(r.additionalInformation()).isEqualTo("a-info");
        });
        assertThat(reports.failureDetails(A, B_DOMAIN, PERIOD, 1000)).isEmpty();
        assertThat(reports.failureDetails(B, null, PERIOD, 1000)).extracting(FailureDetailRow::policyDomain).containsOnly(B_DOMAIN).hasSize(2);
        assertThat(reports.failureDetails(HUB, null, PERIOD, 1000)).hasSize(4);
    }

    @Test
    void quarantineEntriesAreTheOrganisationsOnlyWhenTiedToAWhollyOwnedReport() throws Exception {
        assertThat(quarantine.list(A, 0, 50).items()).extracting(QuarantinedInput::id).containsExactly(ids.conflictA());
        assertThat(quarantine.list(A, 0, 50).matching()).isEqualTo(1);
        assertThat(quarantine.get(A, ids.conflictA())).isPresent();
        for (long other : List.of(ids.conflictBoth(), ids.broken())) {
            assertThat(quarantine.get(A, other)).as("input " + other).isEmpty();
            assertThat(quarantine.get(B, other)).as("input " + other).isEmpty();
            assertThat(quarantine.reprocess(A, other, ALICE)).as("input " + other).isEmpty();
        }
        assertThat(quarantine.list(B, 0, 50).matching()).isZero();
        assertThat(quarantine.get(B, ids.conflictA())).isEmpty();
        assertThat(quarantine.reprocess(B, ids.conflictA(), BOB)).isEmpty();
        assertThat(quarantine.list(HUB, 0, 50).items()).extracting(QuarantinedInput::id)
                .containsExactlyInAnyOrder(ids.conflictA(), ids.conflictBoth(), ids.broken());

        // what a refused reprocess did not touch: the entries are all still there, with their reasons
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM quarantine")).isEqualTo(3);
        // A may reprocess its own: still a conflict, so it stays
        assertThat(quarantine.reprocess(A, ids.conflictA(), ALICE)).hasValueSatisfying(r -> assertThat(r.stillQuarantined()).isEqualTo(1));
    }
}
