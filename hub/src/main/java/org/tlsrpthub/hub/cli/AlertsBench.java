package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.alerts.MtaStsSource;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.alerts.IncidentChanges;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.CallTimer;
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
 * evaluation of one ingest batch's domains, timed; then HTTP ingest with alerts off and on.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Alerts benchmark, in a fresh temporary store (or an empty one given with --db / --data-dir). Fills",
                "--domains x --days as 'bench dashboard' does, then times a full evaluation and the evaluation of one ingest batch,",
                "then posts --http-reports over HTTP with alerts off and on (after each evaluation the hub evaluates the touched",
                "domains every second rather than every 10 s, a harder case than the default)."})
final class AlertsBench implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--domains", defaultValue = "1000") int domains;
    @Option(names = "--senders", defaultValue = "3") int senders;
    @Option(names = "--days", defaultValue = "365") int days;
    @Option(names = "--batch-domains", defaultValue = "10", description = "Domains one ingest batch touches (default 10).") int batchDomains;
    @Option(names = "--runs", defaultValue = "10", description = "Timed runs of each (after 2 warm-up runs).") int runs;
    @Option(names = "--http-reports", defaultValue = "20000",
            description = "Reports posted per side of the HTTP ingest comparison, alerts off then on (default 20000; 0 skips it).") int httpReports;
    @Option(names = "--http-warmup", defaultValue = "10000", description = "Unmeasured reports posted first on each side (default 10000).")
    int httpWarmup;
    @Option(names = "--http-senders", defaultValue = "64", description = "Concurrent HTTP senders (default 64).") int httpSenders;

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
            Callable<AlertService> service = () -> new AlertService(db, clock, AlertSettings.defaults(), (c, t) -> { },
                    MtaStsSource.of(ReadinessService.of(db, clock, Settings.of(java.util.Map.of()))));
            AlertService alerts = service.call();
            IncidentChanges firstRun = alerts.run(clock.instant(), null);
            System.out.printf("%s, %,d domains x %,d days x %d senders; the first full evaluation: %s%n", db.dialect(), domains, days,
                    senders, firstRun);
            CallTimer.time("full evaluation (every domain, hub rules)", 2, runs, () -> alerts.run(clock.instant(), null));
            // a new service holds no cells yet: the first evaluation after a start reads every domain's weeks
            CallTimer.time("full evaluation, a new service each time (cold)", 1, runs, () -> service.call().run(clock.instant(), null));
            int step = Math.max(1, domains / batchDomains);
            List<Integer> mixed = new ArrayList<>();
            List<Integer> churning = new ArrayList<>();
            for (int d = 0; d < Math.min(batchDomains, domains); d++) {
                // one domain of each imported template in turn: the batch holds the store's mix of data
                mixed.add(Math.min(domains - 1, d * step + d % DashboardBench.TEMPLATES));
                // copies of domain0 only, whose reports name a new TLSA policy every day: the longest policy histories
                churning.add(Math.min(domains - 1, d * DashboardBench.TEMPLATES * Math.max(1, step / DashboardBench.TEMPLATES)));
            }
            NewReports batch = new NewReports(db, clock, first, days - 1);
            CallTimer.time("incremental, one batch of " + mixed.size() + " domains", 2, runs, () -> batch.ingest(mixed),
                    () -> alerts.run(clock.instant(), NewReports.names(mixed)));
            CallTimer.time("incremental, " + churning.size() + " domains of daily TLSA changes", 2, runs, () -> batch.ingest(churning),
                    () -> alerts.run(clock.instant(), NewReports.names(churning)));
            System.out.printf("memory while evaluating: %s%n", MemoryFigures.now());
            if (httpReports > 0) new AlertsIngestBench(db, clock, today).run(domains, senders, httpReports, httpWarmup, httpSenders);
        }
        return 0;
    }
}
