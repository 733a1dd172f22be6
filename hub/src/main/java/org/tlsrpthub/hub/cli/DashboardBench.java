package org.tlsrpthub.hub.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.hub.analysis.DomainAnalysisService;
import org.tlsrpthub.hub.analysis.OverviewQuery;
import org.tlsrpthub.hub.analysis.OverviewService;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.ReportStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The dashboard benchmark (issue 5 §6): a year of reports for a thousand domains, then the
 * overview's and a domain page's service calls timed as the server would run them.
 *
 * <p>Importing 1,000 x 365 x senders raw reports would take many minutes and gigabytes of
 * archive the queries never read, so the generated reports go straight into the rollups
 * ({@link ReportStore#writeRollupsOnly}, the same rollup code as ingest) — except domain 0, whose
 * reports are imported whole, so that its page also reads real policy rows.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Dashboard benchmark; use an empty database. Fills rollups for --domains x --days (domain 0 imported",
                "whole), then times the overview and a domain page (service calls, server time) and prints p50/p99."})
final class DashboardBench implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--domains", defaultValue = "1000") int domains;
    @Option(names = "--senders", defaultValue = "3") int senders;
    @Option(names = "--days", defaultValue = "365") int days;
    @Option(names = "--runs", defaultValue = "100", description = "Timed calls per query (after 10 warm-up calls).") int runs;
    @Option(names = "--no-fill", description = "Only time the queries, on a database this command filled before (same --domains and --days).")
    boolean noFill;

    @Override
    public Integer call() throws Exception {
        LocalDate first = LocalDate.of(2025, 1, 1);
        LocalDate today = first.plusDays(days); // the day after the last reported one, as in real life
        Clock clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        try (Database db = StoreOptions.of(spec).open()) {
            if (!noFill) fill(db, clock, first);
            OverviewService overview = new OverviewService(db, clock);
            DomainAnalysisService domain = new DomainAnalysisService(db, clock);
            System.out.printf("%s, %,d domains x %,d days x %d senders; %d timed calls each after 10 warm-up calls.%n"
                    + "wall = elapsed time; cpu = CPU time of the calling thread (SQLite runs in it), what an unloaded core would take:%n",
                    db.dialect(), domains, days, senders, runs);
            for (String preset : List.of("7d", "30d", "365d")) {
                Period p = Period.preset(preset, today);
                time("overview " + preset + ", by name, page 1 of 50", () -> overview.overview(
                        new OverviewQuery(p, "", null, OverviewQuery.Sort.DOMAIN, false, 0, 50)));
                time("overview " + preset + ", by failure rate desc, filter \"7\"", () -> overview.overview(
                        new OverviewQuery(p, "7", null, OverviewQuery.Sort.FAILURE_RATE, true, 0, 50)));
            }
            for (String preset : List.of("30d", "365d")) {
                Period p = Period.preset(preset, today);
                time("domain page " + preset + " (domain0, imported)", () -> domain.analyse(ReportGenerator.domainName(0), p, 20));
                String other = ReportGenerator.domainName(Math.min(500, domains - 1));
                time("domain page " + preset + " (" + other + ", rollups)", () -> domain.analyse(other, p, 20));
            }
        }
        return 0;
    }

    private void fill(Database db, Clock clock, LocalDate first) throws Exception {
        ReportGenerator gen = new ReportGenerator(11, first);
        ReportStore rollups = new ReportStore(db, clock);
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        ReportWriter writer = new ReportWriter();
        long t0 = System.nanoTime();
        long reports = 0;
        for (int day = 0; day < days; day++) {
            List<Report> batch = new ArrayList<>(domains * senders);
            List<PreparedInput> whole = new ArrayList<>(senders);
            for (int s = 0; s < senders; s++) {
                Report r = gen.report(0, s, day);
                whole.add(ingest.prepare(writer.write(r), Provenance.file("bench/domain0/" + day + "/" + s + ".json",
                        clock.instant())));
                for (int d = 1; d < domains; d++) batch.add(gen.report(d, s, day));
            }
            ingest.commit(whole);
            rollups.writeRollupsOnly(batch);
            reports += batch.size() + whole.size();
            if ((day + 1) % 50 == 0) System.out.printf("  filled %d of %d days (%,d reports)%n", day + 1, days, reports);
        }
        System.out.printf("filled %,d reports (%,d imported whole) in %.1f s%n", reports, (long) days * senders,
                (System.nanoTime() - t0) / 1e9);
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private void time(String what, Call call) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 10; i++) call.run();
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            call.run();
            wall[i] = System.nanoTime() - t;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        System.out.printf("  %-50s wall p50 %7.2f p99 %7.2f ms | cpu p50 %7.2f p99 %7.2f ms%n", what,
                p(wall, 0.50), p(wall, 0.99), p(cpu, 0.50), p(cpu, 0.99));
    }

    private static double p(long[] ns, double q) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * q) - 1)] / 1e6;
    }
}
