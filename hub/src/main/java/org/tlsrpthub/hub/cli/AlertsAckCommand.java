package org.tlsrpthub.hub.cli;

import java.util.concurrent.Callable;
import org.tlsrpthub.hub.alerts.Incident;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge an incident (recorded with who and when, and in the audit log).")
final class AlertsAckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID", description = "The incident's id.") long id;
    @Option(names = "--json", description = "Print the incident as JSON.") boolean json;

    @Override
    public Integer call() throws Exception {
        try (Database db = StoreOptions.of(spec).open()) {
            Incident i = AlertsCommand.service(spec, db).acknowledge(Scope.wholeHub(), id, Actor.cli()).orElse(null);
            if (i == null) {
                System.err.println("tlsrpt-hub alerts ack: no incident " + id);
                return 1;
            }
            spec.commandLine().getOut().println(json ? Json.text(i) : "incident " + id + " acknowledged by " + i.acknowledgedBy() + " at " + i.acknowledgedAt());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
