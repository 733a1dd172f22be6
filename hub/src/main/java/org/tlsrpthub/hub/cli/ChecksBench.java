package org.tlsrpthub.hub.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.bench.BenchStore;
import org.tlsrpthub.hub.bench.LoopbackMailDomains;
import org.tlsrpthub.hub.checks.CheckObserver;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckRound;
import org.tlsrpthub.hub.checks.CheckSchedule;
import org.tlsrpthub.hub.checks.CheckService;
import org.tlsrpthub.hub.checks.CheckSettings;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.HubDestinations;
import org.tlsrpthub.hub.checks.probe.AddressRateLimiter;
import org.tlsrpthub.hub.checks.probe.ProbeSettings;
import org.tlsrpthub.hub.checks.probe.StartTlsProber;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The live-check round benchmark (issue 11 §5): --domains made-up domains served by dnsmasq, an HTTPS
 * policy server and STARTTLS servers on loopback, each domain checked as the scheduled round does it
 * (DNS, policy fetch, one STARTTLS probe of its MX), at the default concurrency; memory after each
 * round shows whether it stays flat. Target: 1,000 domains in at most 60 s.
 */
@Command(name = "checks", mixinStandardHelpOptions = true,
        description = {"Live-check round benchmark against servers it starts on loopback (dnsmasq, HTTPS, STARTTLS):",
                "checks --domains made-up domains --rounds times, in a fresh temporary store, and prints each round's time and heap."})
final class ChecksBench implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--domains", defaultValue = "1000") int domains;
    @Option(names = "--rounds", defaultValue = "3") int rounds;
    @Option(names = "--concurrency", description = "Domains checked at once (default: checks.concurrency's default).") Integer concurrency;

    @Override
    public Integer call() throws Exception {
        String named = StoreOptions.of(spec).namedOnCommandLine(spec);
        Clock clock = Clock.systemUTC();
        int atOnce = concurrency != null ? concurrency : CheckSettings.from(Settings.of(java.util.Map.of())).concurrency();
        java.io.PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("tlsrpt-bench-checks");
        try (LoopbackMailDomains peers = LoopbackMailDomains.start(domains, dir); BenchStore store = BenchStore.open(named, "checks")) {
            Database db = store.db();
            DomainStore served = new DomainStore(db, clock);
            for (int i = 0; i < domains; i++) served.add(LoopbackMailDomains.domain(i), Actor.cli());
            CheckOptions o = new CheckOptions(peers.resolver(), peers.smtpPort(), peers.httpsPort(), peers.caFile(), true, 21,
                    Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(5),
                    new HubDestinations(List.of("tlsrpt@hub.bench.test"), List.of(), List.of()));
            // every domain's MX is probed each round: no reuse of a recent session of the same address
            AddressRateLimiter noReuse = new AddressRateLimiter(Duration.ZERO, clock);
            CheckService checker = new CheckService(o, new StartTlsProber(o.dns(), ProbeSettings.from(o, noReuse, "bench.hub.test", clock)), clock);
            CheckRound round = new CheckRound(new CheckStore(db, 10), checker, new CheckSchedule(Duration.ofHours(6)), atOnce, clock,
                    CheckObserver.NONE);
            out.printf("%s: %,d domains (DNS, policy fetch, one STARTTLS probe each), concurrency %d, %d rounds:%n", db.dialect(),
                    domains, atOnce, rounds);
            for (int r = 1; r <= rounds; r++) {
                CheckRound.Result result = round.run(true, "cli");
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                out.printf("  round %d: %s; %.1f domains/s; heap after GC %.1f MiB%n", r, result.line(),
                        result.checked() * 1000.0 / Math.max(1, result.took().toMillis()), heap / 1048576.0);
                out.flush();
            }
        }
        return 0;
    }
}
