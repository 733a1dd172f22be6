package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.MemoryFigures;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.importer.ImportRunner;
import org.tlsrpthub.hub.importer.ImportSummary;
import org.tlsrpthub.hub.importer.InputFile;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.SqliteTuning;
import org.tlsrpthub.hub.summary.SummaryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Benchmarks: import, HTTP, SMTP and dashboard throughput and latency.",
        description = {"Benchmarks: 'bench import' generates reports in memory (no disk reads), imports them through",
                "the same path as 'import' (parse, hash, compress, archive, store, rollups; batched durable commits)",
                "and prints reports/s; then times 'summary' for one domain over the whole period.",
                "'bench http' starts the HTTP endpoint on loopback and posts generated reports to it;",
                "'bench smtp' starts the SMTP listener on loopback and sends generated report emails to it;",
                "'bench dashboard' times the overview and a domain page over 1,000 domains x 365 days;",
                "'bench coverage' times the coverage page over 1,000 domains' stored checks."},
        subcommands = {BenchCommand.Import.class, BenchHttpCommand.class, BenchSmtpCommand.class, DashboardBench.class, AlertsBench.class, ChecksBench.class,
                CoverageBench.class})
final class BenchCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import benchmark, into a fresh temporary store (or an empty one given with --db / --data-dir).")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--domains", defaultValue = "28") int domains;
        @Option(names = "--senders", defaultValue = "10") int senders;
        @Option(names = "--days", defaultValue = "365") int days;
        @Option(names = "--gzip", description = "Generate .json.gz payloads instead of plain JSON.") boolean gzip;
        @Option(names = "--writers", defaultValue = "0",
                description = "Parallel write transactions (default: 1 on SQLite, 3 on PostgreSQL).") int writers;
        @Option(names = "--batch-size", defaultValue = "5000") int batchSize;
        @Option(names = "--warmup", defaultValue = "0",
                description = "First import this many other reports (another year), untimed, so that the JIT compiler has done most of its work.")
        int warmup;
        @Option(names = "--workers", defaultValue = "2", description = "Threads decoding/compressing (default ${DEFAULT-VALUE}).") int workers;
        @picocli.CommandLine.Mixin SynchronousComparison synchronous;

        @Override
        public Integer call() throws Exception {
            System.out.printf("generating %,d reports in memory…%n", (long) domains * senders * days);
            List<InputFile> inputs = new ArrayList<>();
            new ReportFiles(new ReportGenerator(7, LocalDate.of(2025, 1, 1)), gzip)
                    .forEach(domains, senders, days, (name, bytes) -> inputs.add(InputFile.read(name, bytes)));
            StoreOptions options = StoreOptions.of(spec);
            for (SqliteTuning tuning : synchronous.tunings(spec, options)) {
                run(synchronous.asked() ? null : options.namedOnCommandLine(spec), tuning, inputs);
            }
            synchronous.print();
            return 0;
        }

        private void run(String named, SqliteTuning tuning, List<InputFile> inputs) throws Exception {
            try (BenchStore store = BenchStore.open(named, "import", tuning)) {
                Database db = store.db();
                IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
                ImportRunner runner = new ImportRunner(ingest, Clock.systemUTC(), batchSize, workers, StoreOptions.writers(writers, db));
                if (warmup > 0) {
                    List<InputFile> other = new ArrayList<>();
                    new ReportFiles(new ReportGenerator(8, LocalDate.of(2023, 1, 1)), gzip)
                            .forEach(domains, senders, Math.max(1, warmup / Math.max(1, domains * senders)),
                                    (name, bytes) -> other.add(InputFile.read(name, bytes)));
                    long w0 = System.nanoTime();
                    ImportSummary w = runner.run(sink -> other.forEach(sink), n -> { });
                    System.out.printf("warm-up: %,d other reports in %.2f s (not counted)%n", w.reports(), (System.nanoTime() - w0) / 1e9);
                }
                double cpuAtStart = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
                MemoryFigures.reset();
                long t0 = System.nanoTime();
                ImportSummary s = runner.run(sink -> inputs.forEach(sink), n -> { });
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%s (synchronous=%s): imported %,d reports (%,d stored, %,d duplicates, %,d quarantined) in %.2f s = %,.0f reports/s%n",
                        db.dialect(), tuning.synchronous(), s.reports(), s.stored(), s.duplicates(), s.quarantined(), secs, s.reports() / secs);
                synchronous.record(tuning, "import", String.format("%,.0f reports/s", s.reports() / secs));
                double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9 - cpuAtStart;
                System.out.printf("  of which %.2f s in %,d write transactions (writer thread CPU %.2f s); process CPU %.2f s%n",
                        s.writeNanos() / 1e9, s.transactions(), s.writeCpuNanos() / 1e9, cpu);
                System.out.printf("  memory: %s (with the %,d generated inputs held in memory)%n", MemoryFigures.now(), inputs.size());
                System.out.printf("  machine load average now: %.2f on %d CPUs%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
                timeSummary(db, days);
            }
        }

        private static void timeSummary(Database db, int days) throws Exception {
            SummaryService summary = new SummaryService(db);
            LocalDate from = LocalDate.of(2025, 1, 1);
            LocalDate to = from.plusDays(days - 1);
            String domain = ReportGenerator.domainName(0);
            for (int i = 0; i < 20; i++) summary.summarise(Scope.wholeHub(), domain, from, to); // warm up
            int runs = 200;
            long[] ns = new long[runs];
            long[] cpu = new long[runs];
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < runs; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                summary.summarise(Scope.wholeHub(), domain, from, to);
                ns[i] = System.nanoTime() - t;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
            }
            Arrays.sort(ns);
            Arrays.sort(cpu);
            var s = summary.summarise(Scope.wholeHub(), domain, from, to).orElseThrow();
            System.out.printf("summary %s %s..%s (%,d reports): median %.2f ms, p95 %.2f ms, max %.2f ms over %d runs"
                            + " (median CPU of the calling thread %.2f ms; for PostgreSQL the server's work is not in it)%n",
                    domain, from, to, s.reports(), ns[runs / 2] / 1e6, ns[runs * 95 / 100] / 1e6, ns[runs - 1] / 1e6, runs,
                    cpu[runs / 2] / 1e6);
        }
    }
}
