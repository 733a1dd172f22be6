package org.tlsrpthub.hub.cli;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.bench.BenchOrgSql;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.CallTimer;
import org.tlsrpthub.hub.bench.SampleChecks;
import org.tlsrpthub.hub.checks.CheckObserver;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.CoverageFilter;
import org.tlsrpthub.hub.checks.LiveCheckService;
import org.tlsrpthub.hub.checks.LiveChecks;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.web.PageInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The coverage page benchmark (issue 11 §5): --domains served domains of one organisation, each with
 * a stored newest check, then the page's server time: the service call and the template, as one
 * request of the organisation's viewer runs them (target: at most 200 ms for 1,000 domains).
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Coverage page benchmark, in a fresh temporary store (or an empty one given with --db / --data-dir):",
                "stores a check for each of --domains served domains, then times the coverage page (service call and template)."})
final class CoverageBench implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--domains", defaultValue = "1000") int domains;
    @Option(names = "--runs", defaultValue = "100", description = "Timed calls (after 10 warm-up calls).") int runs;

    @Override
    public Integer call() throws Exception {
        String named = StoreOptions.of(spec).namedOnCommandLine(spec);
        Clock clock = Clock.systemUTC();
        try (BenchStore store = BenchStore.open(named, "coverage")) {
            Database db = store.db();
            long t0 = System.nanoTime();
            DomainStore served = new DomainStore(db, clock);
            CheckStore checks = new CheckStore(db, 1);
            Instant at = clock.instant();
            for (int i = 0; i < domains; i++) {
                String d = "domain" + i + ".example.com";
                served.add(d, Actor.cli());
                checks.save(SampleChecks.of(d, i, at), "schedule");
            }
            BenchOrgSql.assignServed(db, "default");
            System.out.printf("%s: stored %,d domains' checks in %.1f s; %d timed calls after 10 warm-up calls:%n", db.dialect(), domains,
                    (System.nanoTime() - t0) / 1e9, runs);
            LiveCheckService service = new LiveChecks(Settings.of(Map.of()), db, clock, d -> { throw new IllegalStateException("no check in the benchmark"); },
                    CheckObserver.NONE).service();
            Scope org = new Scope("bench", "default", Role.VIEWER, false);
            TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
            PageInfo page = new PageInfo("Coverage", "bench", "", "coverage", org, List.of());
            for (CoverageFilter f : List.of(CoverageFilter.ALL, CoverageFilter.CERTIFICATE_SOON)) {
                CallTimer.time("coverage page, " + f.label() + ", as one organisation", runs, () -> {
                    StringOutput out = new StringOutput();
                    engine.render("coverage.jte", Map.of("page", page, "view", service.coverage(org, f)), out);
                    return out.toString();
                });
            }
        }
        return 0;
    }
}
