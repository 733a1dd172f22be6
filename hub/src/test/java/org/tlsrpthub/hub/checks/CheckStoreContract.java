package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Sql;

/** Stored live checks, their events, history bounds and coverage, on a real database; run on SQLite and PostgreSQL. */
abstract class CheckStoreContract {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    protected abstract String emptyDatabaseUrl();

    Database db;
    CheckStore store;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        store = new CheckStore(db, 3);
        DomainStore served = new DomainStore(db, Clock.systemUTC());
        for (String d : List.of("a.test", "b.test", "c.test")) served.add(d, Actor.cli());
        Sql.update(db, "INSERT INTO organisation (slug, display_name, created_at) VALUES ('org-a', 'A', 0), ('org-b', 'B', 0)");
        Sql.update(db, "DELETE FROM domain_org WHERE domain IN ('a.test', 'b.test', 'c.test')");
        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES ('a.test', 'org-a', 0), ('c.test', 'org-a', 0), ('b.test', 'org-b', 0)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant hours(int h) {
        return T0.plus(Duration.ofHours(h));
    }

    @Test
    void aStoredCheckReadsBackAsItWasTaken() throws Exception {
        DomainCheck check = CheckFixture.healthy("a.test", T0).noTlsrpt()
                .mx(CheckFixture.host("mx1.a.test", "aa", "2026-09-01T00:00:00Z", 12, true), CheckFixture.noStarttls("mx2.a.test")).build();
        store.save(check, "schedule");
        StoredCheck back = store.latest("a.test").orElseThrow();
        assertThat(back.check()).isEqualTo(check);
        assertThat(back.source()).isEqualTo("schedule");
        assertThat(Sql.strings(db, "SELECT finding FROM check_finding WHERE result_id = ?", back.id())).containsExactly("tlsrpt-record-missing");
        assertThat(store.latest("b.test")).isEmpty();
    }

    @Test
    void eachChangeIsAnEventReadOnFromACursor() throws Exception {
        CheckEvents events = new CheckEvents(db, store);
        store.save(CheckFixture.healthy("a.test", hours(0)).build(), "schedule");
        assertThat(store.save(CheckFixture.healthy("a.test", hours(6)).noTlsrpt().build(), "schedule"))
                .extracting(CheckEvent::kind).containsExactly(CheckEvent.Kind.FINDING_APPEARED);
        store.save(CheckFixture.healthy("a.test", hours(12)).policyId("2").build(), "now");
        List<CheckEvent> all = events.since(0, 100);
        assertThat(all).extracting(CheckEvent::kind, CheckEvent::at).containsExactly(
                tuple(CheckEvent.Kind.FINDING_APPEARED, hours(6)), tuple(CheckEvent.Kind.FINDING_CLEARED, hours(12)),
                tuple(CheckEvent.Kind.POLICY_ID_CHANGED, hours(12)));
        assertThat(all.get(0).id()).isLessThan(all.get(1).id());
        assertThat(events.since(all.get(0).id(), 100)).extracting(CheckEvent::id).containsExactly(all.get(1).id(), all.get(2).id());
        assertThat(events.since(all.get(2).id(), 100)).isEmpty();
        assertThat(events.since(0, 1)).hasSize(1);
        assertThat(events.ofDomain("a.test", 10).get(0).kind()).isEqualTo(CheckEvent.Kind.POLICY_ID_CHANGED);
        assertThat(events.latest("a.test").orElseThrow().check().mtaSts().id()).isEqualTo("2");
    }

    @Test
    void historyKeepsTheNewestChecksAndEveryOneThatShowedAChange() throws Exception {
        store.save(CheckFixture.healthy("a.test", hours(0)).build(), "schedule");                  // first: no finding, no event
        store.save(CheckFixture.healthy("a.test", hours(6)).noTlsrpt().build(), "schedule");       // a change: kept
        for (int i = 2; i < 8; i++) store.save(CheckFixture.healthy("a.test", hours(6 * i)).noTlsrpt().build(), "schedule");
        List<StoredCheck> history = store.history("a.test", 100);
        assertThat(history).extracting(s -> s.check().checkedAt()).containsExactly(hours(42), hours(36), hours(30), hours(6));
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM check_finding")).isEqualTo(4);
        assertThat(store.history("a.test", 2)).hasSize(2);
    }

    @Test
    void coverageListsTheServedDomainsTheScopeSeesWithTheirNewestFacts() throws Exception {
        store.save(CheckFixture.healthy("a.test", hours(0)).noTlsrpt()
                .mx(CheckFixture.host("mx1.a.test", "aa", "2026-09-01T00:00:00Z", 12, true), CheckFixture.noStarttls("mx2.a.test")).build(), "schedule");
        store.save(CheckFixture.healthy("b.test", hours(0)).build(), "schedule");
        Scope orgA = new Scope("alice", "org-a", Role.VIEWER, false);
        List<CoverageRow> rows = store.coverage(orgA);
        assertThat(rows).extracting(CoverageRow::domain).containsExactly("a.test", "c.test");
        CoverageRow a = rows.get(0);
        assertThat(a.checkedAt()).isEqualTo(hours(0));
        assertThat(a.tlsrptStatus()).isEqualTo("missing");
        assertThat(a.reachesHub()).isFalse();
        assertThat(a.tlsrptPublish()).isEqualTo("_smtp._tls.a.test. IN TXT \"v=TLSRPTv1; rua=mailto:r@hub.test\"");
        assertThat(a.mtaStsRecord()).isEqualTo("valid");
        assertThat(a.policyMode()).isEqualTo("enforce");
        assertThat(a.mxCovered()).isTrue();
        assertThat(a.starttlsAll()).isFalse();
        assertThat(a.minDaysToExpiry()).isEqualTo(12);
        assertThat(a.dane()).isEqualTo("inactive");
        assertThat(a.errors()).isEqualTo(1);
        assertThat(rows.get(1).checked()).isFalse();
        assertThat(store.coverage(Scope.wholeHub())).extracting(CoverageRow::domain).containsExactly("a.test", "b.test", "c.test");
    }

    @Test
    void theScheduleHasEveryServedDomainOfEveryOrganisation() throws Exception {
        store.save(CheckFixture.healthy("b.test", hours(3)).build(), "schedule");
        java.util.Map<String, Instant> expected = new java.util.LinkedHashMap<>();
        expected.put("a.test", null);
        expected.put("b.test", hours(3));
        expected.put("c.test", null);
        assertThat(store.schedule()).containsExactlyEntriesOf(expected);
    }

    @Test
    void aDomainIsVisibleOnlyToTheOrganisationThatHasIt() throws Exception {
        Scope orgA = new Scope("alice", "org-a", Role.VIEWER, false);
        assertThat(store.visible(orgA, "a.test")).isTrue();
        assertThat(store.visible(orgA, "b.test")).isFalse();
        assertThat(store.visible(orgA, "nowhere.test")).isFalse();
        assertThat(store.visible(Scope.wholeHub(), "b.test")).isTrue();
        assertThat(store.visible(Scope.wholeHub(), "nowhere.test")).isFalse();
    }
}
