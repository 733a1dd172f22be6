package org.tlsrpthub.hub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.store.Database;

/** What the run ledger must show when each round of a job ran once, on one node at a time. */
final class JobLedgerCheck {
    private JobLedgerCheck() {}

    record Run(long scheduledFor, String node, long startedAt, long finishedAt) {}

    static List<Run> finishedRuns(Database db, String job) throws Exception {
        return db.withConnection(c -> {
            List<Run> runs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT scheduled_for, node, started_at, finished_at FROM job_run
                    WHERE task = ? AND finished_at IS NOT NULL ORDER BY started_at""")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return runs;
        });
    }

    /** No round claimed twice (one scheduled time, one run), and each run ended before the next began. */
    static List<Run> assertEachRoundOnceAndNoOverlap(Database db, String job) throws Exception {
        List<Run> runs = finishedRuns(db, job);
        assertThat(runs.stream().map(Run::scheduledFor).distinct().count()).as("rounds run once: %s", runs).isEqualTo(runs.size());
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).startedAt()).as("run %d starts after run %d ended: %s", i, i - 1, runs).isGreaterThanOrEqualTo(runs.get(i - 1).finishedAt());
        }
        return runs;
    }
}
