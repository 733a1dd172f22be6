package org.tlsrpthub.hub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.ChildJvm;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.SmtpClient;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.testsupport.StoreConsistency;

/**
 * The hub, a real child JVM, is killed with SIGKILL while senders deliver, 20 times over. The
 * senders keep a ledger of what was acknowledged; after each kill every acknowledged report is
 * stored exactly once, every other one is stored once or not at all, and nothing is half-stored.
 */
class KilledHubTest {
    private static final int ROUNDS = 20;
    private static final int SENDERS = 4;
    private static final int ACKS_BEFORE_KILL = 25;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/tlsrpt)");

    @TempDir
    Path dir;

    /** One delivery attempt: true when the hub acknowledged it. */
    @FunctionalInterface
    private interface Sender {
        boolean deliver(String reportId) throws Exception;
    }

    @Test
    void killedDuringHttpLoadLosesNoAcknowledgedReport() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        killRepeatedly(Map.of(), url -> id -> {
            HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/tlsrpt+json")
                    .POST(HttpRequest.BodyPublishers.ofString(ReportMail.json("load.example", id))).build();
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        });
    }

    @Test
    void killedDuringSmtpLoadLosesNoAcknowledgedReport() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmtpClient smtp = new SmtpClient(port);
        killRepeatedly(Map.of("smtp.enabled", "true", "smtp.bind", "127.0.0.1", "smtp.port", String.valueOf(port), "smtp.recipients", "*",
                "smtp.max-connections-per-address", "0", "smtp.rate-limit.per-minute", "0"), url -> id -> {
            smtp.send(ReportMail.from("load.example", id), "tlsrpt@hub.example");
            return true; // send() returns only after the 250
        });
    }

    private void killRepeatedly(Map<String, String> extra, java.util.function.Function<URI, Sender> senderFor) throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> settings = new HashMap<>(Map.of("http.rate-limit.per-minute", "0", "dkim.policy", "off"));
        settings.putAll(extra);
        Path config = dir.resolve("hub.properties");
        StringBuilder props = new StringBuilder();
        settings.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Files.writeString(config, props);
        Map<String, Boolean> ledger = new ConcurrentHashMap<>(); // report id -> acknowledged
        for (int round = 0; round < ROUNDS; round++) {
            Path log = dir.resolve("child-" + round + ".log");
            Process hub = ChildJvm.start(log, "serve", "--data-dir", data.toString(), "--config", config.toString(), "--port", "0");
            try {
                URI url = awaitListening(hub, log);
                loadThenKill(hub, senderFor.apply(url), round, ledger);
            } finally {
                hub.destroyForcibly();
                assertThat(hub.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertLedgerHolds(data, ledger, round);
        }
        long acked = ledger.values().stream().filter(a -> a).count();
        System.out.printf("KilledHubTest: %d rounds, %d deliveries acknowledged, %d not (each stored once or absent)%n",
                ROUNDS, acked, ledger.size() - acked);
    }

    private static URI awaitListening(Process hub, Path log) throws Exception {
        while (true) {
            Matcher m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) return URI.create(m.group(1));
            assertThat(hub.isAlive()).as("the hub must start; log: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            Thread.sleep(50);
        }
    }

    /** Senders deliver new reports until enough were acknowledged in this round, then SIGKILL mid-load. */
    private static void loadThenKill(Process hub, Sender sender, int round, Map<String, Boolean> ledger) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acked = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int seq = 0; !stop.get(); seq++) {
                    String id = "r" + round + "-t" + thread + "-" + seq;
                    ledger.put(id, false);
                    try {
                        if (sender.deliver(id)) {
                            ledger.put(id, true);
                            acked.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // not acknowledged: may or may not be stored
                    }
                }
            }));
        }
        while (acked.get() < ACKS_BEFORE_KILL && hub.isAlive()) Thread.sleep(5);
        hub.destroyForcibly(); // SIGKILL while the senders are still delivering
        hub.waitFor();
        stop.set(true);
        for (Thread t : threads) t.join();
        assertThat(acked.get()).as("acknowledged before the kill").isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    }

    private static void assertLedgerHolds(Path data, Map<String, Boolean> ledger, int round) throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(data))) {
            Map<String, Long> stored = new HashMap<>();
            for (List<Object> r : Sql.rows(db, "SELECT report_id, count(*) FROM report GROUP BY report_id")) {
                stored.put((String) r.get(0), ((Number) r.get(1)).longValue());
            }
            for (var e : ledger.entrySet()) {
                long n = stored.getOrDefault(e.getKey(), 0L);
                if (e.getValue()) {
                    assertThat(n).as("round %d: acknowledged report %s stored exactly once", round, e.getKey()).isEqualTo(1);
                } else {
                    assertThat(n).as("round %d: unacknowledged report %s stored at most once", round, e.getKey()).isLessThanOrEqualTo(1);
                }
            }
            assertThat(ledger.keySet()).as("round %d: nothing stored that was never sent", round).containsAll(stored.keySet());
            StoreConsistency.assertConsistent(db);
        }
    }
}
