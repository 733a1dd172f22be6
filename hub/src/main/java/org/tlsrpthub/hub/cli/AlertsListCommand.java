package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.alerts.Incident;
import org.tlsrpthub.hub.alerts.IncidentFilter;
import org.tlsrpthub.hub.alerts.IncidentPage;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents: open ones first, most severe first, then the newest.")
final class AlertsListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--domain", paramLabel = "DOMAIN", description = "Only this domain's.") String domain;
    @Option(names = "--rule", paramLabel = "RULE", description = "Only this rule's, e.g. failure-rate.") String rule;
    @Option(names = "--severity", paramLabel = "SEVERITY", description = "info, warning or critical.") String severity;
    @Option(names = "--state", paramLabel = "STATE", description = "open or resolved (default both).") String state;
    @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "0-based page (default 0).") int page;
    @Option(names = "--size", paramLabel = "N", defaultValue = "50", description = "Incidents per page, 1 to 500 (default 50).") int size;
    @Option(names = "--json", description = "Print the page as JSON (as GET /api/v1/incidents answers).") boolean json;

    @Override
    public Integer call() throws Exception {
        IncidentFilter filter;
        try {
            Map<String, String> typed = new HashMap<>();
            typed.put("domain", domain);
            typed.put("rule", rule);
            typed.put("severity", severity);
            typed.put("state", state);
            filter = IncidentFilter.from(typed::get);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = StoreOptions.of(spec).open()) {
            IncidentPage result;
            try {
                result = AlertsCommand.service(spec, db).list(Scope.wholeHub(), filter, page, size);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (json) {
                out.println(Json.text(result));
                out.flush();
                return 0;
            }
            for (Incident i : result.items()) {
                out.printf("#%d\t%s\t%s\t%s\t%s\t%s\t%s%s%n", i.id(), i.state(), i.severity().id(), i.rule(), i.domain().isEmpty() ? "(hub)" : i.domain(),
                        i.subject().isEmpty() ? "-" : i.subject(), i.summary(), notes(i));
            }
            out.flush();
            System.err.println(result.matching() + " matching incidents; page " + page + " shows " + result.items().size());
            return 0;
        }
    }

    /** Who acknowledged or snoozed it, as the incidents page says it. */
    static String notes(Incident i) {
        StringBuilder s = new StringBuilder();
        if (i.acknowledgedBy() != null) s.append(" [acknowledged by ").append(i.acknowledgedBy()).append(']');
        if (i.snoozedUntil() != null) s.append(" [snoozed until ").append(i.snoozedUntil()).append(" by ").append(i.snoozedBy()).append(']');
        return s.toString();
    }
}
