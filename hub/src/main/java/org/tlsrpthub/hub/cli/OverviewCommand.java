package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.analysis.DomainOverview;
import org.tlsrpthub.hub.analysis.OverviewPage;
import org.tlsrpthub.hub.analysis.OverviewQuery;
import org.tlsrpthub.hub.analysis.OverviewService;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.OwnerFilter;
import org.tlsrpthub.hub.ownership.OwnersService;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "overview", mixinStandardHelpOptions = true,
        description = "Every domain's health over a period, as the dashboard's overview shows it (worst first).")
final class OverviewCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--period", defaultValue = "30d",
            description = "Complete UTC days ending with --to: 24h, 7d, 30d, 90d or 365d (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--to", description = "The period's last UTC day, YYYY-MM-DD (default: yesterday, the last complete day).")
    LocalDate to;

    @Option(names = "--size", defaultValue = "500", description = "At most this many domains (1..500, default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--json", description = "Print JSON (the API's answer).")
    boolean json;

    @Mixin OrgOption org;

    @Option(names = "--owner", paramLabel = "mine|none",
            description = "Only the domains --user owns (mine), or only the domains nobody owns (none).")
    String owner;

    @Option(names = "--user", paramLabel = "NAME", description = "Whose domains --owner mine lists.")
    String user;

    @Override
    public Integer call() throws Exception {
        Period p;
        OverviewQuery q;
        try {
            p = Period.preset(period, to != null ? to.plusDays(1) : LocalDate.now(ZoneOffset.UTC));
            q = new OverviewQuery(p, "", null, OverviewQuery.Sort.STATUS, true, 0, size);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Database db = StoreOptions.of(spec).open()) {
            Scope scope = org.scope(db);
            OwnerFilter filter = OwnerFilter.of(owner);
            OverviewService service = new OverviewService(db, Clock.systemUTC());
            OverviewPage page = filter == null ? service.overview(scope, q)
                    : service.overview(scope, q, new OwnersService(db, Clock.systemUTC()).domains(scope, filter, user)::contains);
            if (json) {
                System.out.println(Json.text(page));
                return 0;
            }
            System.out.printf("%s to %s (UTC days): %,d domain(s), %,d reports, %,d successful and %,d failed sessions%n",
                    p.from(), p.to(), page.matching(), page.totals().reports(), page.totals().successfulSessions(),
                    page.totals().failedSessions());
            for (DomainOverview d : page.domains()) {
                System.out.printf("  %-40s %-9s %,10d reports %,14d ok %,12d failed (%.2f%%)%n", d.domain(), d.status().id(),
                        d.totals().reports(), d.totals().successfulSessions(), d.totals().failedSessions(),
                        100 * d.totals().failureRate());
            }
            return 0;
        }
    }
}
