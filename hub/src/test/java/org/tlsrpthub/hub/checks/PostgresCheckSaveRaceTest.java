package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * A "check now" overlapping the scheduled check of the same domain, on PostgreSQL (SQLite has one
 * writer at a time). Both saves are held at the same point by a third session that locks the events
 * table, so they overlap every run rather than by luck: without the per-domain turn both would diff
 * against the same previous check and record the change twice.
 */
class PostgresCheckSaveRaceTest {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    String url;
    Database db;
    CheckStore store;

    @BeforeEach
    void open() {
        url = PostgresServer.freshDatabaseUrl();
        db = Database.open(url);
        store = new CheckStore(db, 10);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void twoOverlappingSavesOfOneDomainRecordTheChangeOnce() throws Exception {
        store.save(CheckFixture.healthy("a.test", T0).build(), "schedule");
        Instant later = T0.plus(Duration.ofHours(6));
        int events = overlappingSaves(CheckFixture.healthy("a.test", later).noTlsrpt().build(),
                CheckFixture.healthy("a.test", later.plusSeconds(1)).noTlsrpt().build());
        assertThat(events).isEqualTo(1);
        assertThat(Sql.strings(db, "SELECT kind FROM check_event WHERE domain = 'a.test'")).containsExactly("finding-appeared");
        assertThat(store.history("a.test", 10)).hasSize(3);
    }

    @Test
    void theFirstCheckOfADomainIsSerialisedToo() throws Exception {
        int events = overlappingSaves(CheckFixture.healthy("b.test", T0).noTlsrpt().build(),
                CheckFixture.healthy("b.test", T0.plusSeconds(1)).noTlsrpt().build());
        assertThat(events).isEqualTo(1);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM check_event WHERE domain = 'b.test'")).isEqualTo(1);
    }

    /**
     * Saves both checks at once (a scheduled one and a "check now") while a third session holds the
     * events table; lets go once both wait on a lock. Returns how many events the two saves recorded.
     */
    private int overlappingSaves(DomainCheck scheduled, DomainCheck now) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection blocker = DriverManager.getConnection(url)) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE check_event IN EXCLUSIVE MODE");
            }
            Future<List<CheckEvent>> first = pool.submit(() -> store.save(scheduled, "schedule"));
            Future<List<CheckEvent>> second = pool.submit(() -> store.save(now, "now"));
            // both saves wait: on the events table, or on the other save of the domain
            Await.until(() -> first.isDone() || second.isDone() || waitingSessions(blocker) == 2);
            assertThat(first.isDone() || second.isDone()).as("a save finished while the events table was locked").isFalse();
            blocker.commit();
            return first.get().size() + second.get().size();
        } finally {
            pool.shutdownNow();
        }
    }

    private static long waitingSessions(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
