package org.tlsrpthub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.SqliteTuning;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Under synchronous=FULL the group committer writes each batch without the fsync and a second
 * thread syncs the log: no sender may be answered before a sync that began after its commit, and
 * the pooled connection the writer lowered to NORMAL must be back at FULL for every other path.
 */
class SyncApartTest {
    @TempDir Path dir;

    private static List<byte[]> reports(int n) {
        List<byte[]> out = new ArrayList<>();
        new ReportFiles(new ReportGenerator(7, LocalDate.of(2025, 6, 1)), false).forEach(n, 1, 1, (name, b) -> out.add(b));
        return out;
    }

    @Test
    void everyAnswerWaitsForASyncBegunAfterItsCommit() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            assertThat(db.defersSync()).as("the default store: SQLite, WAL, synchronous=FULL").isTrue();
            // After each commit returns (the observer runs then, on the writer), note how many syncs had begun.
            Map<PreparedInput, Long> syncsBegunAtCommit = new ConcurrentHashMap<>();
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC(), (in, out, nanos) -> {
                long begun = db.syncCounts()[0];
                for (PreparedInput p : in) syncsBegunAtCommit.put(p, begun);
            });
            GroupCommitter committer = new GroupCommitter(ingest, 1_000, 20);
            List<String> answeredEarly = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<IngestOutcome>> futures = new ArrayList<>();
            int i = 0;
            for (byte[] r : reports(400)) {
                String name = "r" + i++;
                PreparedInput p = ingest.prepare(r, Provenance.file(name, Instant.now()));
                CompletableFuture<IngestOutcome> f = committer.submit(p);
                // runs when the sender is answered: the sync numbered begun+1 began after the commit
                f.thenRun(() -> {
                    Long begun = syncsBegunAtCommit.get(p);
                    if (begun == null || db.syncCounts()[1] < begun + 1) answeredEarly.add(name);
                });
                futures.add(f);
            }
            committer.close();
            for (CompletableFuture<IngestOutcome> f : futures) assertThat(f.get().status()).isEqualTo(IngestStatus.STORED);
            assertThat(answeredEarly).as("answered before their commit was synced").isEmpty();
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(400);
            assertThat(db.syncCounts()[1]).as("syncs done apart from the commits").isPositive();
        }
    }

    @Test
    void everyPooledConnectionSyncsItsCommitsAgainAfterTheWriterUsedIt() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            for (byte[] r : reports(5)) ingest.commitSyncLater(List.of(ingest.prepare(r, Provenance.file("r", Instant.now()))));
            try {
                db.inTransactionSyncLater(c -> {
                    c.createStatement().execute("INSERT INTO served_domain (domain, added_at) VALUES ('x.example', 0)");
                    throw new SQLException("a transaction that fails after its first write");
                });
            } catch (SQLException expected) {
                // rolled back
            }
            assertThat(synchronousOfEveryPooledConnection(db)).containsOnly("2"); // FULL
            assertThat(Sql.count(db, "SELECT count(*) FROM served_domain WHERE domain = 'x.example'")).isZero();
        }
    }

    @Test
    void aNormalStoreCommitsAsBeforeWithNothingToSyncApart() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir, SqliteTuning.DEFAULT.withSynchronous("normal"));
        try (Database db = Database.open(url)) {
            assertThat(db.defersSync()).isFalse();
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            GroupCommitter committer = new GroupCommitter(ingest, 100, 10);
            assertThat(committer.commit(ingest.prepare(reports(1).get(0), Provenance.file("r", Instant.now()))).status())
                    .isEqualTo(IngestStatus.STORED);
            committer.close();
            assertThat(db.syncCounts()).containsExactly(0, 0);
            assertThat(synchronousOfEveryPooledConnection(db)).containsOnly("1"); // NORMAL, as configured
        }
    }

    /** Takes all four of the pool's connections at once, so the one the writer used is among them. */
    private static List<String> synchronousOfEveryPooledConnection(Database db) throws SQLException {
        List<Connection> held = new ArrayList<>();
        List<String> out = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) held.add(db.dataSource().getConnection());
            for (Connection c : held) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    out.add(rs.getString(1));
                }
            }
        } finally {
            for (Connection c : held) c.close();
        }
        return out;
    }
}
