package org.tlsrpthub.hub.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.summary.DomainSummary;
import org.tlsrpthub.hub.summary.SummaryService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Totals, failure rate and breakdowns by result type, reporter and MX for one domain.")
final class SummaryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--domain", required = true, description = "The policy domain.")
    String domain;

    @Option(names = "--from", description = "First UTC day, YYYY-MM-DD (default: 29 days before --to: 30 days).")
    LocalDate from;

    @Option(names = "--to", description = "Last UTC day, YYYY-MM-DD (default: yesterday, the last complete day; today's reports mostly arrive tomorrow).")
    LocalDate to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Mixin OrgOption org;

    @Override
    public Integer call() throws Exception {
        LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate first = from != null ? from : last.minusDays(29);
        try (Database db = StoreOptions.of(spec).open()) {
            Optional<DomainSummary> seen = new SummaryService(db).summarise(org.scope(db), domain, first, last);
            if (seen.isEmpty()) {
                System.err.println("tlsrpt-hub: no domain " + domain + (org.org == null ? "" : " in organisation " + org.org));
                return 1;
            }
            DomainSummary s = seen.get();
            if (json) {
                System.out.println(Json.text(s));
            } else {
                print(s);
            }
            return 0;
        }
    }

    private static void print(DomainSummary s) {
        System.out.printf("%s, %s to %s (UTC days; a report counts on the day its range starts): %,d reports%n",
                s.domain(), s.from(), s.to(), s.reports());
        System.out.printf("sessions: %,d successful, %,d failed (failure rate %.2f%%)%n",
                s.successfulSessions(), s.failedSessions(), 100 * s.failureRate());
        if (!s.byResultType().isEmpty()) {
            System.out.println("failed sessions by result type (failure details):");
            s.byResultType().forEach(c -> System.out.printf("  %-28s %,12d%n", c.name(), c.sessions()));
        }
        if (!s.byReporter().isEmpty()) {
            System.out.println("by reporter:");
            s.byReporter().forEach(r -> System.out.printf("  %-28s %,8d reports %,12d ok %,10d failed%n",
                    r.reporter(), r.reports(), r.successfulSessions(), r.failedSessions()));
        }
        if (!s.byReceivingMx().isEmpty()) {
            System.out.println("failed sessions by receiving MX:");
            s.byReceivingMx().forEach(c -> System.out.printf("  %-28s %,12d%n", c.name().isEmpty() ? "(not named)" : c.name(), c.sessions()));
        }
    }
}
