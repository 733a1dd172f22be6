package org.tlsrpthub.hub.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.DOMAIN;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.MX;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.NOW;
import static org.tlsrpthub.hub.readiness.ReadinessScenario.sts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * The overview's MTA-STS column kept in the database (V66): a page reads the stored verdicts, a new
 * service (a restart, another node) and a new UTC day read them too, and a new report, live check or
 * hosted version, or an invalidation, makes the next page judge the domain again. A stored row is
 * changed by hand to see which of the two the page showed. Run unchanged on SQLite and PostgreSQL.
 */
abstract class StoredColumnContract {
    private static final MtaStsColumn READY = new MtaStsColumn("testing", Verdict.READY);
    /** What no judgement of the scenario gives: a row showing it was read, not judged. */
    private static final MtaStsColumn PLANTED = new MtaStsColumn("testing", Verdict.NOT_READY);

    private Database db;
    private ReadinessScenario scenario;

    protected abstract String emptyDatabaseUrl() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        scenario = new ReadinessScenario(db);
        for (String r : List.of("google.com", "microsoft.com")) scenario.daily(r, 20, 1, sts("testing", MX, 5_000));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ReadinessService service(Instant now) {
        return new ReadinessService(db, Clock.fixed(now, ZoneOffset.UTC), ReadinessSettings.DEFAULTS, List.of(new LivePolicySource()));
    }

    private MtaStsColumn column(ReadinessService s) throws Exception {
        return s.overviewColumn(List.of(DOMAIN, "unknown.example")).get(DOMAIN);
    }

    private void plant() throws Exception {
        assertThat(Sql.update(db, "UPDATE readiness_column SET verdict = 'not-ready' WHERE domain = ?", DOMAIN)).isEqualTo(1);
    }

    @Test
    void aPageStoresTheVerdictAndARestartedOrOtherNodeReadsItWithoutJudging() throws Exception {
        assertThat(service(NOW).overviewColumn(List.of(DOMAIN, "unknown.example"))).containsOnlyKeys(DOMAIN).containsEntry(DOMAIN, READY);
        assertThat(Sql.strings(db, "SELECT verdict FROM readiness_column")).containsExactly("ready");
        plant();
        assertThat(column(service(NOW))).isEqualTo(PLANTED);
    }

    @Test
    void aNewUtcDayShowsTheStoredColumnUntilTheJobJudgesItAgain() throws Exception {
        column(service(NOW));
        plant();
        ReadinessService tomorrow = service(NOW.plus(Duration.ofDays(1)));
        assertThat(column(tomorrow)).isEqualTo(PLANTED);
        assertThat(tomorrow.refreshColumns()).isEqualTo("judged 1 of 1 domains' MTA-STS column");
        assertThat(column(tomorrow)).isEqualTo(READY);
        assertThat(tomorrow.refreshColumns()).isEqualTo("judged 0 of 1 domains' MTA-STS column");
    }

    @Test
    void theJobJudgesADomainNoPageHasShownYet() throws Exception {
        assertThat(service(NOW).refreshColumns()).isEqualTo("judged 1 of 1 domains' MTA-STS column");
        plant();
        assertThat(column(service(NOW))).isEqualTo(PLANTED);
    }

    @Test
    void aNewReportLiveCheckOrHostedVersionOrAnInvalidationIsJudgedAtOnce() throws Exception {
        ReadinessService s = service(NOW);
        column(s);
        plant();
        scenario.report("small-isp.example", ReadinessScenario.TODAY.minusDays(1), sts("testing", MX, 100));
        assertThat(column(s)).isEqualTo(READY);

        plant();
        ReadinessScenario.liveCheck(db, NOW.minus(Duration.ofHours(1)), "enforce");
        assertThat(column(s)).isEqualTo(new MtaStsColumn("enforce", null)); // promoted, as the live check sees it

        plant();
        Sql.update(db, "INSERT INTO hosted_policy_version (domain, version, policy_id, mode, mx, max_age, action, actor, created_at)"
                + " VALUES (?, 1, '20260601v1', 'enforce', ?, 604800, 'create', 'test', ?)", DOMAIN, String.join("\n", MX), NOW.toEpochMilli());
        assertThat(column(s)).isEqualTo(new MtaStsColumn("enforce", null));

        plant();
        s.invalidate(DOMAIN);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM readiness_column")).isZero();
        assertThat(column(s)).isEqualTo(new MtaStsColumn("enforce", null));
    }
}
