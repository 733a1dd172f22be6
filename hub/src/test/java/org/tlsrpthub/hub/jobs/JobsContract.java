package org.tlsrpthub.hub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.Sql;

/** Background jobs on a real database; run against SQLite and PostgreSQL. */
abstract class JobsContract {
    protected abstract String emptyDatabaseUrl();

    Database db;
    final List<Jobs> started = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(emptyDatabaseUrl());
    }

    @AfterEach
    void close() {
        started.forEach(Jobs::close);
        db.close();
    }

    private Jobs start(String node, Job... jobs) {
        Jobs j = Jobs.start(db, List.of(jobs), new JobSettings(true, Duration.ofSeconds(1), node), Clock.systemUTC());
        started.add(j);
        return j;
    }

    private long runs(String job, String outcome) throws Exception {
        return Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = ? AND outcome = ?", job, outcome);
    }

    @Test
    void aJobRunsAgainAndAgainAndEveryRunIsRecorded() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start("node-a", new Job("probe", Duration.ofMillis(200), () -> "call " + calls.incrementAndGet()));
        Await.until(() -> runs("probe", "ok") >= 3);
        assertThat(Sql.strings(db, "SELECT DISTINCT node FROM job_run")).containsExactly("node-a");
        assertThat(Sql.strings(db, "SELECT detail FROM job_run WHERE outcome = 'ok' ORDER BY started_at")).startsWith("call 1", "call 2", "call 3");
    }

    @Test
    void aFailingRunIsRecordedWithItsErrorAndTheJobKeepsItsSchedule() throws Exception {
        start("node-a", new Job("broken", Duration.ofMillis(200), () -> {
            throw new IllegalStateException("the disk is full");
        }));
        Await.until(() -> runs("broken", "failed") >= 2);
        assertThat(Sql.strings(db, "SELECT DISTINCT detail FROM job_run")).containsExactly("java.lang.IllegalStateException: the disk is full");
    }

    @Test
    void twoNodesOnOneDatabaseRunEachRoundOnceAndNeverSideBySide() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Job.Work work = () -> {
            if (running.incrementAndGet() > 1) overlaps.incrementAndGet();
            try {
                Thread.sleep(30); // long enough for a second claimant to start beside it, were that possible
            } finally {
                running.decrementAndGet();
            }
            return "ran";
        };
        start("node-a", new Job("shared", Duration.ofMillis(100), work));
        start("node-b", new Job("shared", Duration.ofMillis(100), work));
        Await.until(() -> runs("shared", "ok") >= 20);
        assertThat(overlaps).hasValue(0);
        JobLedgerCheck.assertEachRoundOnceAndNoOverlap(db, "shared");
    }
}
