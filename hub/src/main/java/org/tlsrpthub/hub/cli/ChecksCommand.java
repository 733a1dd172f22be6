package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.checks.CheckObserver;
import org.tlsrpthub.hub.checks.CheckRound;
import org.tlsrpthub.hub.checks.Checkers;
import org.tlsrpthub.hub.checks.CoverageFilter;
import org.tlsrpthub.hub.checks.CoverageRow;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.LiveCheckException;
import org.tlsrpthub.hub.checks.LiveCheckService;
import org.tlsrpthub.hub.checks.LiveChecks;
import org.tlsrpthub.hub.checks.StoredCheck;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "checks", mixinStandardHelpOptions = true,
        header = "Stored live checks: coverage of every domain, a domain's history, a round now.",
        description = {"The live checks 'serve' runs on every served domain (checks.interval-hours) and stores with their",
                "history. See docs/scheduled-checks.md."},
        subcommands = {ChecksCommand.ListChecks.class, ChecksCommand.History.class, ChecksCommand.Run.class})
final class ChecksCommand {

    private static LiveCheckService service(Settings settings, Database db) {
        Clock clock = Clock.systemUTC();
        return new LiveChecks(settings, db, clock, Checkers.fromSettings(settings, clock), CheckObserver.NONE).service();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each domain's newest check: the coverage page as text.")
    static final class ListChecks implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin OrgOption org;
        @Option(names = "--filter", paramLabel = "FILTER", description = "Only domains that need this: not-checked, missing-tlsrpt, "
                + "rua-elsewhere, missing-mta-sts, not-enforcing, mx-not-covered, no-starttls, certificate-soon, errors.")
        String filter;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            CoverageFilter f;
            try {
                f = CoverageFilter.of(filter);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--filter: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            StoreOptions store = StoreOptions.of(spec);
            try (Database db = store.open()) {
                LiveCheckService.Coverage c = service(store.settings(), db).coverage(org.scope(db), f);
                if (json) {
                    out.println(Json.text(c.rows()));
                    return 0;
                }
                if (c.rows().isEmpty()) out.println("no domain (" + f.label() + ")");
                for (CoverageRow r : c.rows()) {
                    if (!r.checked()) {
                        out.printf("%s: not checked yet%n", r.domain());
                        continue;
                    }
                    out.printf("%s: checked %s, %d errors, %d warnings; TLS-RPT %s%s; MTA-STS %s, mode %s; MX covered %s; STARTTLS on every MX %s;"
                                    + " fewest days to expiry %s; DANE %s%n", r.domain(), r.checkedAt(), r.errors(), r.warnings(), r.tlsrptStatus(),
                            Boolean.TRUE.equals(r.reachesHub()) ? " (reaches this hub)" : " (does not reach this hub)", r.mtaStsRecord(),
                            dash(r.policyMode()), dash(r.mxCovered()), dash(r.starttlsAll()), dash(r.minDaysToExpiry()), dash(r.dane()));
                    if (r.tlsrptPublish() != null) out.printf("  publish: %s%n", r.tlsrptPublish());
                    if (r.mtaStsPublish() != null) out.printf("  publish, once the policy is served at %s: %s%n", r.policyUrl(), r.mtaStsPublish());
                }
                return 0;
            }
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "A domain's stored checks and change events, newest first.")
    static final class History implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin OrgOption org;
        @Parameters(paramLabel = "DOMAIN") String domain;
        @Option(names = "--limit", defaultValue = "20", description = "At most this many checks and events (default 20).") int limit;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            StoreOptions store = StoreOptions.of(spec);
            try (Database db = store.open()) {
                LiveCheckService.History h;
                try {
                    h = service(store.settings(), db).history(org.scope(db), domain, limit);
                } catch (LiveCheckException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
                if (json) {
                    out.println(Json.text(h));
                    return 0;
                }
                if (h.history().isEmpty()) out.println(h.domain() + ": not checked yet");
                for (StoredCheck s : h.history()) {
                    out.printf("%s (%s): %d findings%n", s.check().checkedAt(), s.source(), s.check().findings().size());
                    for (Finding f : s.check().findings()) out.printf("  %s %s %s: %s%n", f.severity().id(), f.id(), f.subject(), f.message());
                }
                h.events().forEach(e -> out.printf("event %s %s %s: %s%n", e.at(), e.kind().id(), e.subject(), e.detail()));
                return 0;
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"A round now, over every organisation's served domains: those due, or all with --all.",
                    "Exit status 1 when a checked domain has an error finding."})
    static final class Run implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--all", description = "Check every served domain, not only those due.") boolean all;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            StoreOptions store = StoreOptions.of(spec);
            try (Database db = store.open()) {
                CheckRound.Result r = service(store.settings(), db).round(Scope.wholeHub(), all, "cli");
                out.println(json ? Json.text(r) : r.line());
                return r.errors() > 0 ? 1 : 0;
            }
        }
    }

    private static String dash(Object value) {
        return value == null ? "–" : value instanceof Boolean b ? (b ? "yes" : "no") : value.toString();
    }
}
