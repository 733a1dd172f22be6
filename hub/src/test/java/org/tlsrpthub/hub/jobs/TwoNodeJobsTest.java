package org.tlsrpthub.hub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.ServeNodes;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Two {@code serve} processes on one PostgreSQL database: every round of a background job (here
 * retention, every second) runs on one of them, never on both and never side by side; and when the
 * node that ran the last round is killed, the other carries on.
 */
class TwoNodeJobsTest {
    @TempDir Path dir;
    private final String url = PostgresServer.freshDatabaseUrl();
    private Process nodeA;
    private Process nodeB;

    @AfterEach
    void stop() throws Exception {
        ServeNodes.stop(nodeA, nodeB);
    }

    private Process serve(String node) throws Exception {
        return ServeNodes.serve(dir, url, node, Map.of("retention.days", "30", "retention.interval-seconds", "1", "jobs.poll-interval-seconds", "1"));
    }

    private long finishedRuns(Database db) throws Exception {
        for (Process p : new Process[] {nodeA, nodeB}) {
            if (p != null && !p.isAlive() && p.exitValue() != 137) {
                throw new AssertionError("a hub node stopped: " + Files.readString(dir.resolve((p == nodeA ? "node-a" : "node-b") + ".log")));
            }
        }
        return Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = 'retention' AND outcome = 'ok'");
    }

    @Test
    void eachRoundRunsOnceAcrossTwoNodesAndTheSurvivorCarriesOn() throws Exception {
        try (Database db = Database.open(url)) { // the schema first, so that the nodes do not race to migrate
            nodeA = serve("node-a");
            nodeB = serve("node-b");
            Await.until(() -> finishedRuns(db) >= 12);
            List<JobLedgerCheck.Run> runs = JobLedgerCheck.assertEachRoundOnceAndNoOverlap(db, "retention");

            String last = runs.get(runs.size() - 1).node();
            Process lastNode = last.equals("node-a") ? nodeA : nodeB;
            lastNode.destroyForcibly(); // kill -9: no goodbye to the other node
            assertThat(lastNode.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long before = finishedRuns(db);
            String survivor = last.equals("node-a") ? "node-b" : "node-a";
            Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = 'retention' AND outcome = 'ok' AND node = ? AND started_at > ?",
                    survivor, runs.get(runs.size() - 1).finishedAt()) >= 3);
            assertThat(finishedRuns(db)).isGreaterThan(before);
            JobLedgerCheck.assertEachRoundOnceAndNoOverlap(db, "retention");
        }
    }
}
