package org.tlsrpthub.hub.cli;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.alerts.AlertsJob;
import org.tlsrpthub.hub.bench.HttpLoad;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.readiness.ReadinessColumnJob;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;

/**
 * HTTP ingest with the ingest-triggered alert evaluation off, then on (issue 12 §7: within 10 %), into
 * the alerts benchmark's filled store, in the same run. Each side starts the hub as {@code serve}
 * does, posts a warm-up share and then the measured reports with {@code bench http}'s load generator.
 * The reports are new ones about the filled domains, dated from the benchmark's "today" on, so every
 * evaluation after ingest reads the domains' full history.
 */
final class AlertsIngestBench {
    /** Short, so that a run of seconds holds several evaluations (the default is 10 s). */
    static final int DEBOUNCE_SECONDS = 1;

    private final Database db;
    private final Clock clock;
    private final LocalDate today;

    AlertsIngestBench(Database db, Clock clock, LocalDate today) {
        this.db = db;
        this.clock = clock;
        this.today = today;
    }

    void run(int domains, int senders, int reports, int warmup, int httpSenders) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.tlsrpthub.hub.http")).setLevel(Level.WARN);
        int perSide = warmup + reports;
        List<byte[]> bodies = generate(domains, senders, 4 * perSide);
        // off, on, off, on: whichever side runs first meets a colder JIT and page cache, so each side runs twice
        double off = 0, on = 0;
        for (int round = 0; round < 4; round++) {
            boolean alerts = round % 2 == 1;
            double perSecond = side(alerts, bodies.subList(round * perSide, (round + 1) * perSide), warmup, httpSenders);
            if (alerts) on += perSecond;
            else off += perSecond;
        }
        System.out.printf("  HTTP ingest with alerts on: %.1f %% of the throughput with them off, both sides twice (aim: at least 90 %%)%n",
                100 * on / off);
    }

    private double side(boolean alerts, List<byte[]> bodies, int warmup, int httpSenders) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0",
                "alerts.enabled", Boolean.toString(alerts), "alerts.ingest-debounce-seconds", Integer.toString(DEBOUNCE_SECONDS),
                "checks.schedule", "false")); // never a live check of the generated domains: a benchmark looks at no network
        Hub hub = new Hub(Settings.of(values), db, clock, s -> List.of()).start();
        try {
            // the jobs that run when a hub starts are not what this compares: both sides let them finish first
            awaitFirstRun(ReadinessColumnJob.NAME);
            if (alerts) awaitFirstRun(AlertsJob.NAME);
            HttpLoad load = new HttpLoad();
            load.run(hub.http().reportUrl(), bodies.subList(0, warmup), httpSenders);
            HttpLoad.Result r = load.run(hub.http().reportUrl(), bodies.subList(warmup, bodies.size()), httpSenders);
            if (r.failures() > 0) throw new IllegalStateException(r.failures() + " posts were not answered 200");
            System.out.printf("  HTTP ingest, alerts %-3s (%d senders, %,d reports): %,8.0f reports/s, p50 %.2f ms, p99 %.2f ms%n",
                    alerts ? "on" : "off", r.senders(), r.reports(), r.perSecond(), r.p50Ms(), r.p99Ms());
            return r.perSecond();
        } finally {
            hub.close();
        }
    }

    /**
     * Waits until the job has run once in this store. A job runs when the first hub starts and then on
     * its schedule (minutes away), so later sides find it done and do not wait.
     */
    private void awaitFirstRun(String job) throws Exception {
        while (!db.withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM job_run WHERE task = ? AND finished_at IS NOT NULL")) {
                ps.setString(1, job);
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        })) {
            Thread.sleep(100);
        }
    }

    private List<byte[]> generate(int domains, int senders, int total) {
        int days = (total + domains * senders - 1) / (domains * senders);
        List<byte[]> out = new ArrayList<>(total);
        new ReportFiles(new ReportGenerator(11, today), true).forEach(domains, senders, days, (name, bytes) -> out.add(bytes));
        return out.subList(0, total);
    }
}
