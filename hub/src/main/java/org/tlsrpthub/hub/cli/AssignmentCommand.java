package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.DomainRule;
import org.tlsrpthub.hub.ownership.UnassignedDomain;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "assignment", mixinStandardHelpOptions = true,
        header = "Which organisation each domain belongs to, and the rules for newly seen domains.",
        description = {"A domain first seen in a report goes to the organisation of the most specific matching rule:",
                "its exact name, else the longest matching *.suffix, else '*'. With no match it waits in the",
                "unassigned list (its reports are stored and counted all the same) until a hub admin assigns it."},
        subcommands = {AssignmentCommand.Assign.class, AssignmentCommand.Unassigned.class, AssignmentCommand.Rules.class,
                AssignmentCommand.AddRule.class, AssignmentCommand.RemoveRule.class, AssignmentCommand.ApplyRules.class})
final class AssignmentCommand {

    private static AssignmentService service(Database db) {
        return new AssignmentService(db, Clock.systemUTC());
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Put a domain into an organisation, or move it (a moved domain loses its owners).")
    static final class Assign implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DOMAIN") String domain;
        @Parameters(index = "1", paramLabel = "ORG") String org;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                String before = service(db).assign(Scope.wholeHub(), Actor.cli(), domain, org);
                System.out.println(org.equals(before) ? "already in " + org + ": " + domain
                        : (before == null ? "assigned " : "moved from " + before + ": ") + domain + " -> " + org);
                return 0;
            }
        }
    }

    @Command(name = "unassigned", mixinStandardHelpOptions = true,
            description = "Domains seen in reports (or served) that no organisation has yet.")
    static final class Unassigned implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                List<UnassignedDomain> list = service(db).unassigned(Scope.wholeHub());
                if (json) System.out.println(Json.text(list));
                else for (UnassignedDomain u : list) {
                    System.out.printf("%-40s %,10d reports  last report %s%n", u.domain(), u.reports(),
                            u.lastReportEnd() == null ? "-" : u.lastReportEnd());
                }
                return 0;
            }
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true, description = "List the assignment rules.")
    static final class Rules implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                List<DomainRule> rules = service(db).rules(Scope.wholeHub());
                if (json) System.out.println(Json.text(rules));
                else for (DomainRule r : rules) System.out.println(r.pattern() + "\t" + r.org());
                return 0;
            }
        }
    }

    @Command(name = "add-rule", mixinStandardHelpOptions = true,
            description = "Send newly seen domains matching PATTERN (example.com, *.example.com or *) to ORG.")
    static final class AddRule implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PATTERN") String pattern;
        @Parameters(index = "1", paramLabel = "ORG") String org;
        @Option(names = "--apply", description = "Also assign the unassigned domains this rule decides for now.") boolean apply;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                int n = service(db).addRule(Scope.wholeHub(), Actor.cli(), pattern, org, apply);
                System.out.println("rule " + DomainRule.normalisePattern(pattern) + " -> " + org
                        + (apply ? "; assigned " + n + " unassigned domain(s)" : ""));
                return 0;
            }
        }
    }

    @Command(name = "remove-rule", mixinStandardHelpOptions = true,
            description = "Remove a rule (the domains it assigned stay where they are).")
    static final class RemoveRule implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "PATTERN") String pattern;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                if (service(db).removeRule(Scope.wholeHub(), pattern)) {
                    System.out.println("removed rule " + pattern);
                    return 0;
                }
                System.err.println("no rule " + pattern);
                return 1;
            }
        }
    }

    @Command(name = "apply-rules", mixinStandardHelpOptions = true,
            description = "Assign every unassigned domain that a rule matches.")
    static final class ApplyRules implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                System.out.println("assigned " + service(db).applyRules(Scope.wholeHub(), Actor.cli()) + " domain(s)");
                return 0;
            }
        }
    }
}
