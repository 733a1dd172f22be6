package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.testsupport.Sql;

/** Many senders at once, and the store failing under them: nothing lost, nothing counted twice. */
class ConcurrentSendersTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @TempDir Path dir;

    static List<byte[]> reports(int domains, int senders, int days) {
        List<byte[]> out = new ArrayList<>();
        new ReportFiles(new ReportGenerator(11, LocalDate.of(2025, 3, 1)), true)
                .forEach(domains, senders, days, (name, bytes) -> out.add(bytes));
        return out;
    }

    @Test
    void fiftyConcurrentSendersPostingOverlappingReportsLoseNoneAndDuplicateNone() throws Exception {
        List<byte[]> reports = reports(10, 10, 2); // 200 distinct reports
        try (RunningHub hub = new RunningHub(dir); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            ConcurrentHashMap<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < 50; s++) {
                int first = s * 4;
                senders.add(pool.submit(() -> {
                    // Each sender posts 40 reports; neighbours overlap by 36, so every report is sent 10 times.
                    for (int i = 0; i < 40; i++) {
                        HttpResponse<String> r = hub.post(reports.get((first + i) % reports.size()), "application/tlsrpt+gzip");
                        statuses.computeIfAbsent(r.statusCode() + " " + JSON.readTree(r.body()).get("status").asText(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : senders) f.get();
            assertThat(statuses.keySet()).containsExactlyInAnyOrder("200 stored", "200 duplicate");
            assertThat(statuses.get("200 stored").get()).isEqualTo(200);
            assertThat(statuses.get("200 duplicate").get()).isEqualTo(50 * 40 - 200);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).isEqualTo(200);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM raw_input")).isEqualTo(200);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report_sighting")).isEqualTo(50 * 40 - 200);
        }
    }

    @Test
    void storageFailingMidRunIs503AndRetriedReportsAreStoredExactlyOnce() throws Exception {
        List<byte[]> reports = reports(5, 4, 2); // 40 distinct reports
        try (RunningHub hub = new RunningHub(dir); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // Let a few in, then make every write fail the way a broken disk does: an SQLException from the store.
            for (int i = 0; i < 5; i++) assertThat(hub.post(reports.get(i), "application/tlsrpt+gzip").statusCode()).isEqualTo(200);
            sql(hub, "CREATE TRIGGER storage_down BEFORE INSERT ON raw_input BEGIN SELECT RAISE(ABORT, 'disk unavailable'); END");

            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger retryAfter = new AtomicInteger();
            List<Future<Integer>> senders = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = sender; i < reports.size(); i += 8) {
                        while (true) { // a sender per RFC 8460 §5.5: retry until a 2xx
                            HttpResponse<String> r = hub.post(reports.get(i), "application/tlsrpt+gzip");
                            if (r.statusCode() == 200) {
                                ok++;
                                break;
                            }
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                            unavailable.incrementAndGet();
                            if (r.headers().firstValue("Retry-After").isPresent()) retryAfter.incrementAndGet();
                            Thread.sleep(20);
                        }
                    }
                    return ok;
                }));
            }
            while (unavailable.get() < 8) Thread.sleep(5); // wait until the store's failure has been answered
            assertThat(unavailable.get()).as("503 answers while the store fails").isPositive();
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).isEqualTo(5);
            sql(hub, "DROP TRIGGER storage_down");

            int answered = 0;
            for (Future<Integer> f : senders) answered += f.get();
            assertThat(answered).isEqualTo(40);
            assertThat(retryAfter.get()).isEqualTo(unavailable.get());
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).as("every report exactly once").isEqualTo(40);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM raw_input")).isEqualTo(40);
        }
    }

    @Test
    void aGracefulStopAnswersOnlyWhatItStored() throws Exception {
        List<byte[]> reports = reports(10, 10, 3); // 300 distinct reports
        ConcurrentHashMap<Integer, Integer> answers = new ConcurrentHashMap<>();
        List<String> acknowledgedIds = java.util.Collections.synchronizedList(new ArrayList<>());
        try (RunningHub hub = new RunningHub(dir); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < 16; s++) {
                int sender = s;
                senders.add(pool.submit(() -> {
                    for (int i = sender; i < reports.size(); i += 16) {
                        try {
                            HttpResponse<String> r = hub.post(reports.get(i), "application/tlsrpt+gzip");
                            answers.put(i, r.statusCode());
                            if (r.statusCode() == 200) {
                                var rep = JSON.readTree(r.body()).get("reports").get(0);
                                acknowledgedIds.add(rep.get("reporter").asText() + " " + rep.get("reportId").asText());
                            }
                        } catch (java.net.http.HttpTimeoutException silent) {
                            answers.put(i, -2); // no answer: nothing acknowledged
                        } catch (java.io.IOException refused) {
                            answers.put(i, -1); // connection refused or reset: nothing acknowledged
                        }
                    }
                    return null;
                }));
            }
            while (answers.values().stream().filter(c -> c == 200).count() < 20) Thread.sleep(5);
            hub.stop(); // what SIGTERM does
            for (Future<?> f : senders) f.get();
            System.out.println("graceful stop: answers by status " + answers.values().stream()
                    .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting())));
            long acknowledged = answers.values().stream().filter(c -> c == 200).count();
            assertThat(acknowledged).as("some were answered before the stop").isPositive();
            assertThat(answers.values()).allSatisfy(c -> assertThat(c).isIn(200, 503, -1, -2));
            // Every 200 is in the store (a 503'd or refused one may be too: committed, but the answer lost).
            for (String key : acknowledgedIds) {
                String[] k = key.split(" ");
                assertThat(Sql.count(hub.db, "SELECT count(*) FROM report WHERE reporter_key = ? AND report_id = ?", k[0], k[1]))
                        .as(key).isEqualTo(1);
            }
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).isGreaterThanOrEqualTo(acknowledged);
        }
    }

    private static void sql(RunningHub hub, String statement) throws Exception {
        hub.db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute(statement);
            }
            return null;
        });
    }
}
