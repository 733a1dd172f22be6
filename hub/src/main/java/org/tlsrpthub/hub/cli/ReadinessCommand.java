package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.readiness.AtInstant;
import org.tlsrpthub.hub.readiness.Readiness;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.readiness.StalePolicy;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code readiness DOMAIN}: may the domain's MTA-STS policy go from testing to enforce (docs/readiness.md)? */
@Command(name = "readiness", mixinStandardHelpOptions = true, subcommands = ReadinessCommand.Stale.class,
        description = {"MTA-STS readiness: whether the domain's testing policy can be promoted to enforce, why, and what enforce would refuse.",
                "Verdicts: not-applicable, insufficient-data, not-ready, ready (docs/readiness.md)."})
final class ReadinessCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Question question;

    @Mixin OrgOption org; // not inside Question: its --org errors name the command, which a nested mixin cannot reach

    @Override
    public Integer call() throws Exception {
        String domain = question.domain(spec);
        Instant when = question.at(spec);
        try (Database db = StoreOptions.of(spec).open()) {
            Optional<Readiness> found = service(spec, db).readiness(org.scope(db), domain, when);
            if (found.isEmpty()) return Question.noDomain(domain, org);
            Readiness r = found.get();
            if (question.json) {
                System.out.println(Json.text(r));
                return 0;
            }
            System.out.printf("%s: %s (%s to %s)%n", r.domain(), r.verdict().id(), r.window().from(), r.window().to());
            if (r.policy() != null) {
                System.out.printf("policy (%s): mode %s, mx %s, max_age %s%n", r.policy().source().id(), r.policy().mode(),
                        String.join(", ", r.policy().mx()), r.policy().maxAge() == null ? "unknown" : r.policy().maxAge());
            }
            r.reasons().forEach(s -> System.out.println("  - " + s));
            if (!r.wouldBreak().isEmpty()) {
                System.out.println("would break under enforce (reporter, MX, result type, sessions/day, persistent):");
                for (Readiness.WouldBreak w : r.wouldBreak()) {
                    System.out.printf("  %-28s %-28s %-26s %10.1f %s%n    fix: %s%n", w.reporter(), w.mx().isEmpty() ? "(not named)" : w.mx(),
                            w.resultType(), w.sessionsPerDay(), w.persistent() ? "persistent" : "once", w.fix());
                }
            }
            return 0;
        }
    }

    static ReadinessService service(CommandSpec spec, Database db) {
        return ReadinessService.of(db, Clock.systemUTC(), StoreOptions.of(spec).settings());
    }

    /** What both commands ask: a domain, as of when, as text or JSON, as whom. */
    static final class Question {
        // optional for picocli, so that "readiness stale DOMAIN" reaches the subcommand; required by domain()
        @Parameters(paramLabel = "DOMAIN", arity = "0..1", description = "The policy domain.")
        String domain;

        @Option(names = "--at", paramLabel = "INSTANT",
                description = "As of this instant (2026-06-01T12:00:00Z) or UTC day (2026-06-01); default: now.")
        String at;

        @Option(names = "--json", description = "Print JSON (the API's answer).")
        boolean json;

        String domain(CommandSpec spec) {
            if (domain == null) throw new ParameterException(spec.commandLine(), "Missing required parameter: 'DOMAIN'");
            return domain;
        }

        Instant at(CommandSpec spec) {
            try {
                return AtInstant.parse(at);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--at: " + e.getMessage());
            }
        }

        static int noDomain(String domain, OrgOption org) {
            System.err.println("tlsrpt-hub: no domain " + domain + (org.org == null ? "" : " in organisation " + org.org));
            return 1;
        }
    }

    @Command(name = "stale", mixinStandardHelpOptions = true,
            description = "Reporters whose latest reports still apply an older MTA-STS policy version, with how long ago the policy changed and the old policy's max_age.")
    static final class Stale implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin Question question;

        @Mixin OrgOption org;

        @Override
        public Integer call() throws Exception {
            String domain = question.domain(spec);
            Instant when = question.at(spec);
            try (Database db = StoreOptions.of(spec).open()) {
                Optional<StalePolicy> found = service(spec, db).stalePolicy(org.scope(db), domain, when);
                if (found.isEmpty()) return Question.noDomain(domain, org);
                StalePolicy s = found.get();
                if (question.json) {
                    System.out.println(Json.text(s));
                    return 0;
                }
                if (s.policy() == null) {
                    System.out.println(s.domain() + ": no MTA-STS policy");
                    return 0;
                }
                System.out.printf("%s: current policy mode %s, mx %s, in force since %s; %d reporter(s) still apply an older one%n",
                        s.domain(), s.policy().mode(), String.join(", ", s.policy().mx()), s.changedOn(), s.reporters().size());
                for (StalePolicy.Reporter r : s.reporters()) {
                    System.out.printf("  %-28s last report %s: mode %s, mx %s, max_age %s; changed %d day(s) ago%s%n", r.reporter(),
                            r.lastReportDay(), r.mode(), String.join(", ", r.mx()), r.maxAge() == null ? "unknown" : r.maxAge(),
                            r.daysSinceChange(), r.pastMaxAge() ? " (past the old max_age)" : "");
                }
                return 0;
            }
        }
    }
}
