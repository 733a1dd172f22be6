package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.hub.analysis.DomainAnalysisService;
import org.tlsrpthub.hub.analysis.OverviewQuery;
import org.tlsrpthub.hub.analysis.OverviewService;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.bench.BenchOrgSql;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.CallTimer;
import org.tlsrpthub.hub.bench.MemoryFigures;
import org.tlsrpthub.hub.bench.RollupCopier;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.readiness.ReadinessSettings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The dashboard benchmark (issue 5 §6): a year of reports for a thousand domains, then the
 * overview's and a domain page's service calls timed as the server would run them.
 *
 * <p>Importing 1,000 x 365 x senders raw reports would take many minutes and gigabytes of
 * archive the queries never read, so only the first {@link #TEMPLATES} domains are imported whole
 * (their pages read real policy rows); every other domain gets a copy of one of those domains'
 * rollup rows ({@link RollupCopier}), in a fresh temporary store unless an empty one is named.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Dashboard benchmark, in a fresh temporary store (or an empty one given with --db / --data-dir). Fills",
                "--domains x --days (the first 10 domains imported whole, the others given copies of their rollups), then times the overview (with and without its MTA-STS column) and a domain page (service calls, server time) and prints p50/p99."})
final class DashboardBench implements Callable<Integer> {
    /** Domains imported whole; the others copy the rollups of one of them. */
    static final int TEMPLATES = 10;

    @Spec CommandSpec spec;
    @Option(names = "--domains", defaultValue = "1000") int domains;
    @Option(names = "--senders", defaultValue = "3") int senders;
    @Option(names = "--days", defaultValue = "365") int days;
    @Option(names = "--runs", defaultValue = "100", description = "Timed calls per query (after 10 warm-up calls).") int runs;
    @Option(names = "--no-fill", description = "Only time the queries, on the store named by --db / --data-dir that this command filled before (same --domains and --days).")
    boolean noFill;

    @Override
    public Integer call() throws Exception {
        LocalDate first = LocalDate.of(2025, 1, 1);
        LocalDate today = first.plusDays(days); // the day after the last reported one, as in real life
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        String named = StoreOptions.of(spec).namedOnCommandLine(spec);
        try (BenchStore store = noFill ? BenchStore.reopen(named) : BenchStore.open(named, "dashboard")) {
            Database db = store.db();
            if (!noFill) fill(db, clock, first, domains, senders, days);
            MemoryFigures.reset();
            BenchOrgSql.assignAll(db, "default");
            Scope org = new Scope(null, "default", Role.VIEWER, false);
            OverviewService overview = new OverviewService(db, clock);
            DomainAnalysisService domain = new DomainAnalysisService(db, clock);
            System.out.printf("%s, %,d domains x %,d days x %d senders; %d timed calls each after 10 warm-up calls.%n"
                    + "wall = elapsed time; cpu = CPU time of the calling thread (SQLite runs in it), what an unloaded core would take:%n",
                    db.dialect(), domains, days, senders, runs);
            for (String preset : List.of("7d", "30d", "365d")) {
                Period p = Period.preset(preset, today);
                time("overview " + preset + ", by name, page 1 of 50", () -> overview.overview(Scope.wholeHub(),
                        new OverviewQuery(p, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 50)));
                time("overview " + preset + ", by failure rate desc, filter \"7\"", () -> overview.overview(Scope.wholeHub(),
                        new OverviewQuery(p, "7", null, OverviewQuery.Sort.FAILURE_RATE, true, 0, 50)));
                time("overview " + preset + ", by name, as one organisation", () -> overview.overview(org,
                        new OverviewQuery(p, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 50)));
            }
            timeReadiness(db, clock, Period.preset("30d", today));
            for (String preset : List.of("30d", "365d")) {
                Period p = Period.preset(preset, today);
                time("domain page " + preset + " (domain0, imported)", () -> domain.analyse(Scope.wholeHub(), ReportGenerator.domainName(0), p, 20));
                String other = ReportGenerator.domainName(Math.min(500, domains - 1));
                time("domain page " + preset + " (" + other + ", copied rollups)", () -> domain.analyse(Scope.wholeHub(), other, p, 20));
                time("domain page " + preset + " (" + other + ", as one organisation)", () -> domain.analyse(org, other, p, 20));
            }
            System.out.printf("memory while timing the queries: %s%n", MemoryFigures.now());
        }
        return 0;
    }

    /**
     * The overview with and without its MTA-STS column (issue 13 §5), in the same run. The column is
     * stored (V66): timed as a page sees it once stored, after a restart (a fresh service), on a new
     * UTC day before the {@code readiness-column} job ran (both only read), and with nothing stored for
     * the page (every verdict judged from the policy rollups: a first view, or each domain changed).
     * The job's run on a new UTC day, off the request path, is timed once.
     */
    private void timeReadiness(Database db, Clock clock, Period p) throws Exception {
        OverviewService overview = new OverviewService(db, clock);
        ReadinessService readiness = new ReadinessService(db, clock, ReadinessSettings.DEFAULTS);
        Clock tomorrow = Clock.offset(clock, java.time.Duration.ofDays(1));
        for (int size : List.of(50, 500)) {
            OverviewQuery q = new OverviewQuery(p, "", null, OverviewQuery.Sort.DOMAIN, false, 0, size);
            Callable<List<String>> page = () -> overview.overview(Scope.wholeHub(), q).domains().stream().map(d -> d.domain()).toList();
            time("overview 30d, page of " + size + ", no MTA-STS column", page::call);
            time("overview 30d, page of " + size + ", MTA-STS column stored", () -> readiness.overviewColumn(page.call()));
            time("overview 30d, page of " + size + ", MTA-STS column, cold: after a restart",
                    () -> new ReadinessService(db, clock, ReadinessSettings.DEFAULTS).overviewColumn(page.call()));
            time("overview 30d, page of " + size + ", MTA-STS column, cold: new UTC day, job not run yet",
                    () -> new ReadinessService(db, tomorrow, ReadinessSettings.DEFAULTS).overviewColumn(page.call()));
            time("overview 30d, page of " + size + ", MTA-STS column, nothing stored (every verdict judged)", () -> {
                List<String> domains = page.call();
                db.inTransaction(c -> {
                    for (String d : domains) ReadinessService.invalidate(c, d);
                    return null;
                });
                return readiness.overviewColumn(domains);
            });
        }
        long t0 = System.nanoTime();
        String result = new ReadinessService(db, tomorrow, ReadinessSettings.DEFAULTS).refreshColumns();
        System.out.printf("readiness-column job on a new UTC day (off the request path): %s in %.0f ms%n", result, (System.nanoTime() - t0) / 1e6);
        String other = ReportGenerator.domainName(Math.min(500, domains - 1));
        time("readiness of " + other, () -> readiness.readiness(Scope.wholeHub(), other, null));
    }

    /** The first {@link #TEMPLATES} domains imported whole, the others given copies of their rollups (also the alerts benchmark's data). */
    static void fill(Database db, Clock clock, LocalDate first, int domains, int senders, int days) throws Exception {
        ReportGenerator gen = new ReportGenerator(11, first);
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        ReportWriter writer = new ReportWriter();
        int templates = Math.min(TEMPLATES, domains);
        long t0 = System.nanoTime();
        for (int day = 0; day < days; day++) {
            List<PreparedInput> whole = new ArrayList<>(templates * senders);
            for (int d = 0; d < templates; d++) {
                for (int s = 0; s < senders; s++) {
                    whole.add(ingest.prepare(writer.write(gen.report(d, s, day)), Provenance.file(
                            "bench/domain" + d + "/" + day + "/" + s + ".json", clock.instant())));
                }
            }
            ingest.commit(whole);
            if ((day + 1) % 50 == 0) System.out.printf("  imported %d of %d days%n", day + 1, days);
        }
        Map<String, String> templateOf = new LinkedHashMap<>();
        for (int d = templates; d < domains; d++) {
            templateOf.put(ReportGenerator.domainName(d), ReportGenerator.domainName(d % templates));
        }
        RollupCopier.of(db).copy(db, templateOf);
        System.out.printf("filled %,d domains x %,d days x %d senders (%,d reports imported whole, %,d domains' rollups copied) in %.1f s%n",
                domains, days, senders, (long) days * senders * templates, templateOf.size(), (System.nanoTime() - t0) / 1e9);
    }

    private void time(String what, CallTimer.Call call) throws Exception {
        CallTimer.time(what, runs, call);
    }
}
