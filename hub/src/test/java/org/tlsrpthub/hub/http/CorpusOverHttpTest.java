package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.testsupport.Corpus;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Every file of the shared corpus (JSON, gzip and report emails) posted to the running server,
 * once with the JDK HttpClient and once with curl, lands in the store with the golden totals.
 */
class CorpusOverHttpTest {
    // The same golden totals as the store's import contract: 40 files, 30 distinct reports. Of the
    // other 10, 4 say what the stored report says (200, duplicate) and 6 give its key with other
    // content (202, held for review; see StoreContract's import test).
    private static final int FILES = 40;
    private static final int HELD = 6;
    private static final List<Long> TOTALS = List.of(30L, 10517L, 439L);

    @TempDir Path dir;

    static List<Path> corpusFiles() throws Exception {
        try (Stream<Path> s = Files.list(Corpus.reportsDir())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void everyCorpusFilePostedWithTheJdkClientIsStoredWithTheGoldenTotals() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Path f : corpusFiles()) {
                HttpResponse<String> r = hub.post(Files.readAllBytes(f), RunningHub.typeFor(f.toString()));
                assertThat(r.statusCode()).as(f.getFileName() + ": " + r.body()).isIn(200, 202);
                outcomes.merge(r.body().replaceAll("^\\{\"status\":\"(\\w+)\".*", "$1"), 1, Integer::sum);
            }
            assertThat(outcomes).isEqualTo(Map.of("stored", 30, "duplicate", 10 - HELD, "quarantined", HELD));
            assertGoldenTotals(hub);

            // Posting everything again stores nothing new: a duplicate, or held again without a second entry.
            for (Path f : corpusFiles()) {
                HttpResponse<String> r = hub.post(Files.readAllBytes(f), RunningHub.typeFor(f.toString()));
                assertThat(r.body()).as(f.getFileName().toString()).matches("\\{\"status\":\"(duplicate|quarantined)\".*");
            }
            assertGoldenTotals(hub);
        }
    }

    @Test
    void theCorpusOverHttpIntoPostgresqlHasTheSameTotals() throws Exception {
        try (RunningHub hub = new RunningHub(PostgresServer.freshDatabaseUrl(), Map.of())) {
            for (Path f : corpusFiles()) {
                HttpResponse<String> r = hub.post(Files.readAllBytes(f), RunningHub.typeFor(f.toString()));
                assertThat(r.statusCode()).as(f.getFileName() + ": " + r.body()).isIn(200, 202);
            }
            assertGoldenTotals(hub);
        }
    }

    @Test
    void everyCorpusFilePostedWithCurlIsStoredWithTheGoldenTotals() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            List<Path> files = corpusFiles();
            assertThat(files).hasSize(FILES);
            for (Path f : files) {
                List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                        "-H", "Content-Type: " + RunningHub.typeFor(f.toString()),
                        "--data-binary", "@" + f, hub.url().toString()));
                assertThat(Curl.run(cmd)).as(f.getFileName().toString()).isIn("200", "202");
            }
            assertGoldenTotals(hub);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM raw_input WHERE channel = 'https'")).isEqualTo(FILES);
        }
    }

    private static void assertGoldenTotals(RunningHub hub) throws Exception {
        assertThat(Sql.rows(hub.db, "SELECT count(*), SUM(successful_sessions), SUM(failed_sessions) FROM report").get(0)
                .stream().map(o -> ((Number) o).longValue()).toList()).isEqualTo(TOTALS);
        RollupCheck.assertRollupsMatchRawRows(hub.db);
        assertThat(Sql.count(hub.db, "SELECT count(*) FROM quarantine WHERE kind = 'CONFLICT'")).isEqualTo(HELD);
    }
}
