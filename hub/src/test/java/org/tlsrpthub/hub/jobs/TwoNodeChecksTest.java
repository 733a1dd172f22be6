package org.tlsrpthub.hub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.checks.CheckJob;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.ServeNodes;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Two {@code serve} processes on one PostgreSQL database, looking for due domains every second:
 * every round runs on one node, and each domain of every organisation is checked once, not once per node.
 */
class TwoNodeChecksTest {
    static final int DOMAINS = 40;

    @TempDir Path dir;
    private final String url = PostgresServer.freshDatabaseUrl();
    private Process nodeA;
    private Process nodeB;

    @AfterEach
    void stop() throws Exception {
        ServeNodes.stop(nodeA, nodeB);
    }

    private Process serve(String node) throws Exception {
        // the check engine asks a loopback port where no DNS server listens: every lookup fails fast, as a finding
        return ServeNodes.serve(dir, url, node, Map.of("checks.schedule", "true", "checks.tick-seconds", "1", "checks.concurrency", "16", "checks.resolver", "127.0.0.1:9",
                "checks.dns-timeout-seconds", "1", "jobs.poll-interval-seconds", "1"));
    }

    private long rounds(Database db) throws Exception {
        for (Process p : new Process[] {nodeA, nodeB}) {
            if (p != null && !p.isAlive()) {
                throw new AssertionError("a hub node stopped: " + Files.readString(dir.resolve((p == nodeA ? "node-a" : "node-b") + ".log")));
            }
        }
        return Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = ? AND outcome = 'ok'", CheckJob.NAME);
    }

    @Test
    void eachDomainIsCheckedOncePerRoundAcrossTwoNodes() throws Exception {
        try (Database db = Database.open(url)) { // the schema first, so that the nodes do not race to migrate
            DomainStore served = new DomainStore(db, Clock.systemUTC());
            for (int i = 0; i < DOMAINS; i++) served.add("d" + i + ".test", Actor.cli());
            Sql.update(db, "INSERT INTO organisation (slug, display_name, created_at) VALUES ('org-a', 'A', 0), ('org-b', 'B', 0)");
            Sql.update(db, "DELETE FROM domain_org");
            Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) SELECT domain, CASE WHEN domain < 'd2' THEN 'org-a' ELSE 'org-b' END, 0 "
                    + "FROM served_domain WHERE domain <> 'd39.test'");
            nodeA = serve("node-a");
            nodeB = serve("node-b");
            // the first round checks every domain (none was checked before); the next ones find none due
            Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM check_latest") == DOMAINS && rounds(db) >= 8);
            JobLedgerCheck.assertEachRoundOnceAndNoOverlap(db, CheckJob.NAME);
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM check_result")).isEqualTo(DOMAINS);
            assertThat(Sql.count(db, "SELECT COUNT(DISTINCT domain) FROM check_result")).isEqualTo(DOMAINS);
            assertThat(Sql.strings(db, "SELECT detail FROM job_run WHERE task = ? AND detail LIKE 'checked " + DOMAINS + " %'", CheckJob.NAME))
                    .hasSize(1);
        }
    }
}
