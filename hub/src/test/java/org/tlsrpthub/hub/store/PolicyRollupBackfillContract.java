package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.testsupport.PolicyRollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Reports stored before migration V63 are added to the policy rollups once, in pages, also when
 * two nodes open the store at the same time; run on SQLite and PostgreSQL.
 */
abstract class PolicyRollupBackfillContract {
    protected abstract String emptyDatabaseUrl() throws Exception;

    @Test
    void twoNodesOpeningTogetherAddEachReportOnce() throws Exception {
        String url = emptyDatabaseUrl();
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            ReadinessScenario.readyWithStaleReporter(one);
            long reports = Sql.count(one, "SELECT COUNT(*) FROM report");
            // as a store migrated to V63 finds them: reports, no policy rollups, the range to add
            Sql.update(one, "DELETE FROM rollup_policy_daily");
            Sql.update(one, "DELETE FROM rollup_policy_applied");
            Sql.update(one, "INSERT INTO policy_rollup_backfill (next_report_id, last_report_id) SELECT MIN(id), MAX(id) FROM report");

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // pages of 7 reports, so that the two take turns many times
                Future<Long> a = pool.submit(() -> backfillAfter(start, one));
                Future<Long> b = pool.submit(() -> backfillAfter(start, two));
                start.countDown();
                assertThat(a.get() + b.get()).as("each report added by one node").isEqualTo(reports);
            } finally {
                pool.shutdown();
            }
            assertThat(Sql.count(one, "SELECT COUNT(*) FROM policy_rollup_backfill")).isZero();
            PolicyRollupCheck.assertPolicyRollupsMatchRawRows(one);
        }
    }

    private static long backfillAfter(CountDownLatch start, Database db) throws Exception {
        start.await();
        return PolicyRollupBackfill.run(db, 7);
    }
}
