package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.jobs.Job;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.ManualClock;
import org.tlsrpthub.hub.testsupport.Sql;

/** A round on a real SQLite store: which domains it checks, how many at once, and what a failing check does. */
class CheckRoundTest {
    @TempDir Path dir;
    Database db;
    final ManualClock clock = new ManualClock();
    final Set<String> checked = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        DomainStore served = new DomainStore(db, clock);
        for (int i = 0; i < 10; i++) served.add("d" + i + ".test", Actor.cli());
        // domains of two organisations and one of none: a round covers them all
        Sql.update(db, "INSERT INTO organisation (slug, display_name, created_at) VALUES ('org-a', 'A', 0), ('org-b', 'B', 0)");
        Sql.update(db, "DELETE FROM domain_org");
        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES ('d0.test', 'org-a', 0), ('d1.test', 'org-b', 0)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CheckRound round(int concurrency, DomainChecker checker) {
        return new CheckRound(new CheckStore(db, 10), checker, new CheckSchedule(Duration.ofHours(6)), concurrency, clock, CheckObserver.NONE);
    }

    private DomainChecker recording() {
        return d -> {
            checked.add(d);
            return CheckFixture.healthy(d, clock.instant()).build();
        };
    }

    @Test
    void atMostConcurrencyDomainsAreCheckedAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger(), most = new AtomicInteger();
        CountDownLatch threeAtOnce = new CountDownLatch(3);
        CheckRound.Result r = round(3, d -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            threeAtOnce.countDown();
            try {
                threeAtOnce.await(); // the first three wait for each other: three at once really happens
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            inFlight.decrementAndGet();
            return CheckFixture.healthy(d, clock.instant()).build();
        }).run(false, "schedule");
        assertThat(most.get()).isEqualTo(3);
        assertThat(r.checked()).isEqualTo(10);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM check_latest")).isEqualTo(10);
    }

    @Test
    void aRoundChecksTheDomainsThatAreDueInEveryOrganisation() throws Exception {
        CheckRound round = round(4, recording());
        CheckRound.Result first = round.run(false, "schedule");
        assertThat(first.checked()).isEqualTo(10);
        assertThat(checked).contains("d0.test", "d1.test", "d9.test");
        assertThat(first.line()).startsWith("checked 10 of 10 domains (0 with errors)");

        checked.clear();
        assertThat(round.run(false, "schedule").checked()).isZero(); // none due again yet
        clock.advance(Duration.ofHours(2));
        assertThat(round.run(false, "schedule").checked()).isZero(); // no domain again before half an interval
        clock.advance(Duration.ofHours(7));
        assertThat(round.run(false, "schedule").checked()).isEqualTo(10); // each due again within an interval and a half
        assertThat(checked).hasSize(10);
        assertThat(round.run(true, "cli").checked()).isEqualTo(10);
        assertThat(Sql.strings(db, "SELECT DISTINCT source FROM check_result ORDER BY source")).containsExactly("cli", "schedule");
    }

    @Test
    void aCheckThatFailsIsCountedAndTheRoundGoesOn() throws Exception {
        CheckRound.Result r = round(2, d -> {
            if (d.equals("d3.test")) throw new IllegalStateException("a bug in the checker");
            return CheckFixture.healthy(d, clock.instant()).noTlsrpt().build();
        }).run(false, "schedule");
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.checked()).isEqualTo(9);
        assertThat(r.errors()).isEqualTo(9);
        assertThat(Sql.strings(db, "SELECT domain FROM check_latest WHERE domain = 'd3.test'")).isEmpty();
    }

    @Test
    void theJobsFirstRoundComesOneTickAfterTheNodeStarted() throws Exception {
        Job job = CheckJob.from(CheckSettings.from(Settings.of(Map.of())), round(2, recording()), clock).orElseThrow();
        assertThat(job.name()).isEqualTo("live-checks");
        assertThat(job.every()).isEqualTo(Duration.ofMinutes(5));
        assertThat(job.work().run()).startsWith("the first round comes one tick after the node started");
        assertThat(checked).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(job.work().run()).startsWith("checked 10 of 10 domains");
        assertThat(checked).hasSize(10);
    }

    @Test
    void theJobFollowsTheSettings() {
        CheckRound round = round(1, recording());
        assertThat(CheckJob.from(CheckSettings.from(Settings.of(Map.of("checks.schedule", "false"))), round, clock)).isEmpty();
        CheckSettings d = CheckSettings.from(Settings.of(Map.of()));
        assertThat(List.of(d.interval(), d.concurrency(), d.historyKeep())).containsExactly(Duration.ofHours(6), 16, 100);
        assertThatThrownBy(() -> CheckSettings.from(Settings.of(Map.of("checks.concurrency", "0"))))
                .hasMessage("checks.concurrency must be from 1 to 256, not 0");
        assertThatThrownBy(() -> CheckSettings.from(Settings.of(Map.of("checks.interval-hours", "0"))))
                .hasMessage("checks.interval-hours must be at least 1, not 0");
    }
}
