package org.tlsrpthub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.Sql;

class GroupCommitterTest {
    @TempDir Path dir;

    private static List<byte[]> reports(int n) {
        List<byte[]> out = new ArrayList<>();
        new ReportFiles(new ReportGenerator(5, LocalDate.of(2025, 6, 1)), false).forEach(n, 1, 1, (name, b) -> out.add(b));
        return out;
    }

    @Test
    void closingCommitsEverythingQueuedThenRefusesNewInputs() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            GroupCommitter committer = new GroupCommitter(ingest, 1_000, 50);
            List<CompletableFuture<IngestOutcome>> futures = new ArrayList<>();
            for (byte[] r : reports(300)) {
                futures.add(committer.submit(ingest.prepare(r, Provenance.file("r.json", Instant.now()))));
            }
            committer.close();
            for (CompletableFuture<IngestOutcome> f : futures) {
                assertThat(f).isCompleted();
                assertThat(f.get().status()).isEqualTo(IngestStatus.STORED);
            }
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(300);
            long[] counts = committer.counts();
            assertThat(counts[1]).isEqualTo(300);
            assertThat(counts[0]).as("commits of at most 50").isBetween(6L, 300L);

            CompletableFuture<IngestOutcome> late = committer.submit(ingest.prepare(reports(1).get(0),
                    Provenance.file("late.json", Instant.now())));
            assertThat(late).isCompletedExceptionally();
            try {
                late.get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(GroupCommitter.Unavailable.class);
            }
        }
    }

    @Test
    void aFullQueueRefusesInsteadOfWaiting() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            // Hold the writer inside a transaction so that the queue fills up behind it.
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Void> holding = new CompletableFuture<>();
            GroupCommitter committer = new GroupCommitter(ingest, 2, 1);
            Thread blocker = Thread.ofPlatform().start(() -> {
                try {
                    db.inTransaction(c -> {
                        c.createStatement().execute("INSERT INTO served_domain (domain, added_at) VALUES ('x.example', 0)");
                        holding.complete(null);
                        release.join();
                        throw new IllegalStateException("rolled back on purpose: it only held the write lock");
                    });
                } catch (Exception expected) {
                    // rolled back
                }
                holding.complete(null); // also if it failed early: then the assertions below fail, never wait
            });
            holding.join(); // the blocker holds the write lock
            List<CompletableFuture<IngestOutcome>> futures = new ArrayList<>();
            // submit() refuses synchronously when the queue is full: no waiting needed to see it
            for (byte[] r : reports(6)) futures.add(committer.submit(ingest.prepare(r, Provenance.file("r", Instant.now()))));
            long refused = futures.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            assertThat(refused).as("refused at once while the queue was full").isPositive();
            release.complete(null);
            blocker.join();
            committer.close();
            long stored = futures.stream().filter(f -> !f.isCompletedExceptionally()).count();
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(stored);
        }
    }
}
