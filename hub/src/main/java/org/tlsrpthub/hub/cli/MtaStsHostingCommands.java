package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.checks.CheckObserver;
import org.tlsrpthub.hub.checks.Checkers;
import org.tlsrpthub.hub.checks.LiveChecks;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.hosting.HostingService;
import org.tlsrpthub.hub.hosting.HostingStatus;
import org.tlsrpthub.hub.hosting.PolicyRequest;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-sts host/promote/rollback/import/show/list}: the hosted MTA-STS policy of a domain
 * (docs/policy-hosting.md), through the one {@link HostingService}. A refusal prints its reason and
 * exits 1.
 */
final class MtaStsHostingCommands {
    private MtaStsHostingCommands() {}

    static HostingService service(CommandSpec spec, Database db) {
        Settings settings = StoreOptions.of(spec).settings();
        Clock clock = Clock.systemUTC();
        LiveChecks checks = new LiveChecks(settings, db, clock, Checkers.fromSettings(settings, clock), CheckObserver.NONE);
        return new HostingService(db, clock, ReadinessService.of(db, clock, settings), checks.service());
    }

    /** What every subcommand shares: the organisation it acts in, and JSON or text. */
    abstract static class Base implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin OrgOption org;
        @Option(names = "--json", description = "Print JSON (the API's answer).") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                Object answer = run(service(spec, db), org.scope(db));
                PrintWriter out = spec.commandLine().getOut();
                if (json) out.println(Json.text(answer));
                else if (answer instanceof HostingStatus s) print(out, s);
                else if (answer instanceof List<?> l) for (Object o : l) printListed(out, (HostingStatus.Listed) o);
                out.flush();
                return 0;
            }
        }

        abstract Object run(HostingService hosting, Scope scope) throws Exception;
    }

    @Command(name = "host", mixinStandardHelpOptions = true,
            description = {"Host a policy for DOMAIN: the first version, or a new one (a new id each time).",
                    "The mx patterns are checked against the MX hosts of the newest live check. Going to enforce is 'promote'."})
    static final class Host extends Base {
        @Parameters(paramLabel = "DOMAIN") String domain;
        @Option(names = "--mode", required = true, paramLabel = "MODE", description = "testing, enforce or none.") String mode;
        @Option(names = "--mx", paramLabel = "PATTERN", arity = "1..*", description = "mx patterns (mx1.example.com, *.example.com); none for mode none.")
        List<String> mx = new ArrayList<>();
        @Option(names = "--max-age", required = true, paramLabel = "SECONDS", description = "max_age, 0 to 31557600; at least 86400 for testing and enforce.")
        long maxAge;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept with the version.") String reason;
        @Option(names = "--allow-mx-mismatch", description = "Host the patterns even where they differ from the live MX records (recorded in the reason).")
        boolean allowMismatch;

        @Override
        Object run(HostingService hosting, Scope scope) throws Exception {
            return hosting.host(scope, Actor.cli(), domain, new PolicyRequest(mode, mx, maxAge, reason, allowMismatch));
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = {"Promote DOMAIN's hosted testing policy to enforce (same mx and max_age).",
                    "Only when the readiness verdict is ready, or with --override and a --reason."})
    static final class Promote extends Base {
        @Parameters(paramLabel = "DOMAIN") String domain;
        @Option(names = "--override", description = "Promote although the verdict is not ready (needs --reason).") boolean override;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; kept with the version.") String reason;

        @Override
        Object run(HostingService hosting, Scope scope) throws Exception {
            return hosting.promote(scope, Actor.cli(), domain, reason, override);
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = {"Roll DOMAIN's hosted policy back one step: to testing (same mx and max_age), or to none,",
                    "served until the previous max_age has passed (RFC 8461 §8.3)."})
    static final class Rollback extends Base {
        @Parameters(paramLabel = "DOMAIN") String domain;
        @Option(names = "--to", required = true, paramLabel = "MODE", description = "testing or none.") String to;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; kept with the version.") String reason;

        @Override
        Object run(HostingService hosting, Scope scope) throws Exception {
            return hosting.rollback(scope, Actor.cli(), domain, to, reason);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Fetch the policy DOMAIN serves today through a live check and host it as version 1.")
    static final class Import extends Base {
        @Parameters(paramLabel = "DOMAIN") String domain;

        @Override
        Object run(HostingService hosting, Scope scope) throws Exception {
            return hosting.importExisting(scope, Actor.cli(), domain);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The hosted policy of DOMAIN, the TXT record to publish, whether it is published, and every version.")
    static final class Show extends Base {
        @Parameters(paramLabel = "DOMAIN") String domain;

        @Override
        Object run(HostingService hosting, Scope scope) throws Exception {
            return hosting.status(scope, domain);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The hosted domains, each with its newest version.")
    static final class ListHosted extends Base {
        @Override
        Object run(HostingService hosting, Scope scope) throws Exception {
            return hosting.list(scope);
        }
    }

    static void print(PrintWriter out, HostingStatus s) {
        HostingStatus.Version v = s.current();
        if (v == null) {
            out.println(s.domain() + ": not hosted");
            return;
        }
        out.printf("%s: version %d (id %s), mode %s, max_age %d, %s%n", s.domain(), v.version(), v.id(), v.mode(), v.maxAge(),
                s.served() ? "served" : "no longer served");
        if (!v.mx().isEmpty()) out.println("mx: " + String.join(", ", v.mx()));
        if (v.serveUntil() != null) out.println("served until " + v.serveUntil());
        out.println("TXT record: " + s.txtName() + ". IN TXT \"" + s.txtRecord() + "\"");
        out.println("DNS: " + s.publication().message());
        s.warnings().forEach(w -> out.println("warning: " + w));
        out.println("history (version, when, who, action, mode, verdict, reason):");
        for (HostingStatus.Version h : s.history()) {
            out.printf("  %d  %s  %s  %s  %s  %s  %s%n", h.version(), h.createdAt(), h.actor(), h.action(), h.mode(),
                    h.verdict() == null ? "-" : h.verdict(), h.reason() == null ? "" : h.reason());
        }
    }

    private static void printListed(PrintWriter out, HostingStatus.Listed l) {
        out.printf("%s\tversion %d\t%s\t%s\t%s%n", l.domain(), l.current().version(), l.current().mode(), l.current().id(),
                l.served() ? "served" : "not served");
    }
}
