package org.tlsrpthub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.http.HttpServer;
import org.tlsrpthub.hub.junk.JunkQuarantine;
import org.tlsrpthub.hub.junk.JunkSettings;
import org.tlsrpthub.hub.http.HttpSettings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * The group-commit writer fails in ways no SQLException covers: an Error thrown on its thread (here
 * by the ingest observer, which runs there after each commit), or a commit that never ends. No
 * sender may wait for ever, /readyz must say the hub cannot take reports, and close() must return.
 */
class WriterFailureTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static PreparedInput input(IngestService ingest, String id) {
        return ingest.prepare(ReportMail.json("a.example", id).getBytes(StandardCharsets.UTF_8), Provenance.file(id, Instant.now()));
    }

    private static HttpServer http(Database db, IngestService ingest, GroupCommitter committer) {
        Settings s = Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0"));
        return new HttpServer(HttpSettings.from(s), db, ingest, committer,
                new JunkQuarantine(JunkSettings.from(s), db, Clock.systemUTC()), Clock.systemUTC()).start();
    }

    private static int get(URI url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<String> post(URI url, String id) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(url).header("Content-Type", "application/tlsrpt+json")
                .POST(HttpRequest.BodyPublishers.ofString(ReportMail.json("a.example", id))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs on the writer thread after a commit: says it is there, then waits for the test. */
    private static void holdUntil(CountDownLatch arrived, CountDownLatch release) {
        arrived.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() gave up on the writer
        }
    }

    @Test
    void anErrorOnTheWriterFailsEveryWaiterAndTheHubIsNotReady() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            CountDownLatch inCommit = new CountDownLatch(1);
            CountDownLatch queued = new CountDownLatch(1);
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC(), (in, out, nanos) -> {
                holdUntil(inCommit, queued); // the other inputs queue up behind this batch meanwhile
                throw new OutOfMemoryError("injected by the test");
            });
            GroupCommitter committer = new GroupCommitter(ingest, 100, 1);
            HttpServer http = http(db, ingest, committer);
            try {
                CompletableFuture<IngestOutcome> first = committer.submit(input(ingest, "a"));
                inCommit.await();
                List<CompletableFuture<IngestOutcome>> waiting = new ArrayList<>();
                for (int i = 0; i < 5; i++) waiting.add(committer.submit(input(ingest, "w" + i)));
                queued.countDown();

                assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).cause().isInstanceOf(OutOfMemoryError.class);
                for (CompletableFuture<IngestOutcome> f : waiting) {
                    assertThatThrownBy(f::get).cause().isInstanceOf(GroupCommitter.Unavailable.class);
                }
                assertThat(committer.health()).isEqualTo(GroupCommitter.Health.DEAD);
                assertThat(get(http.baseUrl().resolve("/readyz"))).isEqualTo(503);
                HttpResponse<String> refused = post(http.reportUrl(), "late");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.body()).doesNotContain("OutOfMemoryError");
            } finally {
                http.close();
                committer.close(); // returns although the writer is gone
            }
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).as("only the batch committed before the Error").isEqualTo(1);
        }
    }

    @Test
    void aStalledCommitTimesOutItsSendersAndReadyzSaysSoUntilItMovesAgain() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            CountDownLatch release = new CountDownLatch(1);
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC(),
                    (in, out, nanos) -> holdUntil(new CountDownLatch(1), release));
            GroupCommitter committer = new GroupCommitter(ingest, 100, 1, Duration.ofSeconds(1));
            HttpServer http = http(db, ingest, committer);
            try {
                assertThatThrownBy(() -> committer.commit(input(ingest, "a"))).isInstanceOf(GroupCommitter.Unavailable.class);
                while (committer.health() != GroupCommitter.Health.STALLED) Thread.sleep(20);
                assertThat(get(http.baseUrl().resolve("/readyz"))).isEqualTo(503);
                // queued behind the stuck batch: taken back off the queue when its sender gives up
                assertThatThrownBy(() -> committer.commit(input(ingest, "b"))).isInstanceOf(GroupCommitter.Unavailable.class);

                release.countDown();
                assertThat(committer.commit(input(ingest, "c")).status()).isEqualTo(IngestStatus.STORED);
                assertThat(committer.health()).isEqualTo(GroupCommitter.Health.WORKING);
                assertThat(get(http.baseUrl().resolve("/readyz"))).isEqualTo(200);
            } finally {
                http.close();
                committer.close();
            }
            assertThat(Sql.rows(db, "SELECT report_id FROM report ORDER BY report_id"))
                    .as("the stalled one committed in the end, the withdrawn one never")
                    .containsExactly(List.of("a"), List.of("c"));
        }
    }

    @Test
    void closeReturnsWhenTheWriterIsStuckAndFailsWhatWasQueued() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            CountDownLatch inCommit = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC(),
                    (in, out, nanos) -> holdUntil(inCommit, release));
            GroupCommitter committer = new GroupCommitter(ingest, 3, 1, Duration.ofSeconds(1));
            committer.submit(input(ingest, "stuck"));
            inCommit.await();
            List<CompletableFuture<IngestOutcome>> queued = new ArrayList<>();
            for (int i = 0; i < 4; i++) queued.add(committer.submit(input(ingest, "q" + i)));
            assertThat(queued.get(3)).as("the queue is full").isCompletedExceptionally();

            committer.close();

            for (CompletableFuture<IngestOutcome> f : queued) {
                assertThatThrownBy(f::get).cause().isInstanceOf(GroupCommitter.Unavailable.class);
            }
            release.countDown();
        }
    }
}
