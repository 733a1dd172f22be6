package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.alerts.IncidentChanges;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.MemoryFigures;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The alerts benchmark (issue 12 §7): the dashboard benchmark's year of rollups for a thousand
 * domains, then a full evaluation (every domain, the hub rules, incidents written) and the incremental
 * evaluation of one ingest batch's domains, timed.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Alerts benchmark, in a fresh temporary store (or an empty one given with --db / --data-dir). Fills",
                "--domains x --days as 'bench dashboard' does, then times a full evaluation and the evaluation of one ingest batch."})
final class AlertsBench implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--domains", defaultValue = "1000") int domains;
    @Option(names = "--senders", defaultValue = "3") int senders;
    @Option(names = "--days", defaultValue = "365") int days;
    @Option(names = "--batch-domains", defaultValue = "10", description = "Domains one ingest batch touches (default 10).") int batchDomains;
    @Option(names = "--runs", defaultValue = "10", description = "Timed runs of each (after 2 warm-up runs).") int runs;

    @Override
    public Integer call() throws Exception {
        LocalDate first = LocalDate.of(2025, 1, 1);
        LocalDate today = first.plusDays(days);
        Clock clock = Clock.fixed(today.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (BenchStore store = BenchStore.open(StoreOptions.of(spec).namedOnCommandLine(spec), "alerts")) {
            Database db = store.db();
            DashboardBench.fill(db, clock, first, domains, senders, days);
            MemoryFigures.reset();
            // as serve runs it: the stale-policy rule reads the readiness service's policy history
            AlertService alerts = new AlertService(db, clock, AlertSettings.defaults(), (c, t) -> { },
                    ReadinessService.of(db, clock, Settings.of(java.util.Map.of()))::facts);
            IncidentChanges firstRun = alerts.run(clock.instant(), null);
            System.out.printf("%s, %,d domains x %,d days x %d senders; the first full evaluation: %s%n", db.dialect(), domains, days,
                    senders, firstRun);
            time("full evaluation (every domain, hub rules)", () -> alerts.run(clock.instant(), null));
            List<String> batch = new ArrayList<>();
            for (int d = 0; d < Math.min(batchDomains, domains); d++) batch.add(ReportGenerator.domainName(d * Math.max(1, domains / batchDomains)));
            time("incremental evaluation of one batch (" + batch.size() + " domains)", () -> alerts.run(clock.instant(), batch));
            System.out.printf("memory while evaluating: %s%n", MemoryFigures.now());
        }
        return 0;
    }

    @FunctionalInterface
    private interface Run {
        Object run() throws Exception;
    }

    private void time(String what, Run run) throws Exception {
        for (int i = 0; i < 2; i++) run.run();
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            run.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("  %-55s p50 %9.2f ms, max %9.2f ms%n", what, ns[ns.length / 2] / 1e6, ns[ns.length - 1] / 1e6);
    }
}
