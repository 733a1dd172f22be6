package org.tlsrpthub.hub.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.alerts.Incident;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "snooze", mixinStandardHelpOptions = true,
        description = {"Snooze an incident until an instant: its updates are recorded but not sent until then (at most 90 days).",
                "Recorded with who and when, and in the audit log."})
final class AlertsSnoozeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID", description = "The incident's id.") long id;
    @Option(names = "--until", required = true, paramLabel = "INSTANT", description = "The end of the snooze, e.g. 2026-12-03T08:00:00Z.") String until;
    @Option(names = "--json", description = "Print the incident as JSON.") boolean json;

    @Override
    public Integer call() throws Exception {
        Instant end;
        try {
            end = Instant.parse(until);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--until '" + until + "' is not an instant such as 2026-12-03T08:00:00Z");
        }
        try (Database db = StoreOptions.of(spec).open()) {
            Incident i;
            try {
                i = AlertsCommand.service(spec, db).snooze(Scope.wholeHub(), id, end, Actor.cli()).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (i == null) {
                System.err.println("tlsrpt-hub alerts snooze: no incident " + id);
                return 1;
            }
            spec.commandLine().getOut().println(json ? Json.text(i) : "incident " + id + " snoozed until " + i.snoozedUntil() + " by " + i.snoozedBy());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
