package org.tlsrpthub.hub.cli;

import ch.qos.logback.classic.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.HttpLoad;
import org.tlsrpthub.hub.bench.MemoryFigures;
import org.tlsrpthub.hub.bench.JitWarmup;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.SqliteTuning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"HTTP ingest benchmark: starts the report endpoint on 127.0.0.1 with a fresh temporary SQLite store",
                "(or an empty one given with --db / --data-dir), then for each sender count posts --reports new gzipped reports (with a",
                "minimal keep-alive client, or the JDK HttpClient with --client jdk) and prints reports/s and p50/p99 latency.",
                "Client and server share this machine (and this process: run the server alone with 'serve' and",
                "--url to measure it apart). Peak heap and RSS are printed per run; to try a heap limit, run through",
                "the launcher with e.g. TLSRPT_HUB_JAVA_OPTS=-Xmx256m."})
final class BenchHttpCommand implements Callable<Integer> {
    @Option(names = "--senders", split = ",", defaultValue = "1,16,64", description = "Concurrent senders per run (default ${DEFAULT-VALUE}).")
    List<Integer> senders;

    @Option(names = "--reports", defaultValue = "20000", description = "Reports posted per run (default ${DEFAULT-VALUE}).")
    int reports;

    // Before each run, at its concurrency (see JitWarmup).
    @Option(names = "--warmup", defaultValue = "120000", description = "Most warm-up reports over all runs (posted before each run at its concurrency, at least 30,000, then in chunks of 10,000 until the JIT is quiet; not measured). Default ${DEFAULT-VALUE}.")
    int warmup;


    @Spec CommandSpec spec;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A server setting for the run, e.g. http.virtual-threads=false (repeatable).")
    Map<String, String> set = new java.util.HashMap<>();

    @Option(names = "--url", description = "Post to this running endpoint (e.g. one started by 'serve') instead of starting a server; then only the client's figures are printed.")
    java.net.URI url;

    @picocli.CommandLine.Mixin
    SynchronousComparison synchronous;

    @Option(names = "--client", defaultValue = "raw", description = "Load generator: raw (a minimal HTTP/1.1 keep-alive client, a few µs per request; plain http only) or jdk (the JDK HttpClient, as heavy as the server). Default ${DEFAULT-VALUE}.")
    String client;

    @Option(names = "--request-log", description = "Keep the one-line-per-request log on (default off: it measures the terminal).")
    boolean requestLog;

    @Override
    public Integer call() throws Exception {
        if (!requestLog) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.tlsrpthub.hub.http")).setLevel(Level.WARN);
        }
        HttpLoad.Client clientKind = switch (client.toLowerCase(java.util.Locale.ROOT)) {
            case "raw" -> HttpLoad.Client.RAW;
            case "jdk" -> HttpLoad.Client.JDK;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--client must be raw or jdk, not " + client);
        };
        int total = warmup + reports * senders.size();
        System.out.printf("generating %,d gzipped reports in memory…%n", total);
        List<byte[]> bodies = generate(total);
        if (url != null) return external(bodies, clientKind);
        StoreOptions options = StoreOptions.of(spec);
        for (SqliteTuning tuning : synchronous.tunings(spec, options)) {
            warmed = 0;
            runServer(synchronous.asked() ? null : options.namedOnCommandLine(spec), tuning, bodies, clientKind);
        }
        synchronous.print();
        return 0;
    }

    private void runServer(String named, SqliteTuning tuning, List<byte[]> bodies, HttpLoad.Client clientKind) throws Exception {
        try (BenchStore store = BenchStore.open(named, "http", tuning)) {
            Database database = store.db();
            // never a live check of the generated domains: a benchmark looks at no network
            Map<String, String> values = new java.util.HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0",
                    "http.rate-limit.per-minute", "0", "checks.schedule", "false"));
            values.putAll(set);
            Settings settings = Settings.of(values);
            Hub hub = new Hub(settings, database, Clock.systemUTC(), s -> List.of()).start();
            try {
                HttpLoad load = new HttpLoad(clientKind);
                System.out.printf("%s (synchronous=%s) on %s, %d CPUs, %s client%n", database.dialect(), tuning.synchronous(),
                        hub.http().reportUrl(), Runtime.getRuntime().availableProcessors(),
                        clientKind.name().toLowerCase(java.util.Locale.ROOT));
                List<byte[]> warmups = bodies.subList(0, warmup);
                List<byte[]> measured = bodies.subList(warmup, bodies.size());
                int from = 0;
                for (int n : senders) {
                    warmed += warmUp(load, hub.http().reportUrl(), warmups.subList(warmed, warmups.size()), n);
                    long[] before = hub.committer().counts();
                    MemoryFigures.reset();
                    long cpu0 = processCpuNanos();
                    long[] writer0 = hub.committer().writerTime();
                    long syncs0 = database.syncCounts()[1];
                    HttpLoad.Result r = load.run(hub.http().reportUrl(), measured.subList(from, from + reports), n);
                    long[] after = hub.committer().counts();
                    double cpuUsPerReport = (processCpuNanos() - cpu0) / 1e3 / r.reports();
                    long[] writer1 = hub.committer().writerTime();
                    long syncs = database.syncCounts()[1] - syncs0;
                    from += reports;
                    // with the log synced apart from the commits (synchronous=full), writer-cpu includes the sync thread's
                    System.out.printf("senders=%-3d reports=%,d failures=%d time=%.2fs throughput=%,.0f reports/s p50=%.2fms p99=%.2fms max=%.1fms avg-batch=%.1f cpu=%.0fus/report writer-busy=%.0f%% writer-cpu=%.0fus/report%s%n",
                            r.senders(), r.reports(), r.failures(), r.seconds(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(),
                            (after[1] - before[1]) / (double) Math.max(1, after[0] - before[0]), cpuUsPerReport,
                            100.0 * (writer1[0] - writer0[0]) / 1e9 / r.seconds(), (writer1[1] - writer0[1]) / 1e3 / r.reports(),
                            database.defersSync() ? String.format(" log-syncs-apart=%,d", syncs) : "");
                    // the process also holds the generated reports and the client: an upper bound for the server
                    System.out.printf("  memory: %s (server, client and %,d generated reports together)%n",
                            MemoryFigures.now(), bodies.size());
                    synchronous.record(tuning, "senders=" + r.senders(),
                            String.format("%,.0f reports/s p99=%.2fms", r.perSecond(), r.p99Ms()));
                }
            } finally {
                hub.close();
            }
            System.out.printf("stored reports: %,d (expected %,d)%n", storedReports(database), warmed + reports * senders.size());
        }
    }

    // Against a server in another process: its CPU is not ours, so only the client side is measured here.
    private int external(List<byte[]> bodies, HttpLoad.Client clientKind) throws Exception {
        HttpLoad load = new HttpLoad(clientKind);
        System.out.printf("posting to %s with the %s client%n", url, clientKind.name().toLowerCase(java.util.Locale.ROOT));
        List<byte[]> warmups = bodies.subList(0, warmup);
        List<byte[]> measured = bodies.subList(warmup, bodies.size());
        int from = 0;
        for (int n : senders) {
            warmed += warmUp(load, url, warmups.subList(warmed, warmups.size()), n);
            long cpu0 = processCpuNanos();
            HttpLoad.Result r = load.run(url, measured.subList(from, from + reports), n);
            from += reports;
            System.out.printf("senders=%-3d reports=%,d failures=%d time=%.2fs throughput=%,.0f reports/s p50=%.2fms p99=%.2fms max=%.1fms client-cpu=%.0fus/report%n",
                    r.senders(), r.reports(), r.failures(), r.seconds(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(),
                    (processCpuNanos() - cpu0) / 1e3 / r.reports());
        }
        return 0;
    }

    private int warmed;

    private static int warmUp(HttpLoad load, java.net.URI url, List<byte[]> pool, int senders) throws Exception {
        JitWarmup.Result r = JitWarmup.run(pool, chunk -> load.run(url, chunk, senders));
        System.out.printf("  warm-up at %d senders: %s%n", senders, r);
        return r.sent();
    }

    // CPU time of this whole process (server and client): a figure that other load on the machine does not inflate.
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long storedReports(Database db) throws java.sql.SQLException {
        return db.withConnection(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM report")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<byte[]> generate(int total) {
        int domains = 50;
        int perDay = domains * 20;
        int days = (total + perDay - 1) / perDay;
        List<byte[]> out = new ArrayList<>(days * perDay);
        new ReportFiles(new ReportGenerator(3, LocalDate.of(2024, 1, 1)), true)
                .forEach(domains, 20, days, (name, bytes) -> out.add(bytes));
        return out.subList(0, total);
    }
}
