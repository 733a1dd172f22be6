package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.alerts.AlertsOutput;
import org.tlsrpthub.hub.alerts.Evaluation;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Dry run: the incidents that would be open at an instant, from the stored rollups. Changes nothing.",
                "The same data and the same instant always print the same."})
final class AlertsEvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--at", paramLabel = "INSTANT", description = "The instant, e.g. 2026-12-01T06:00:00Z (default: now).")
    String at;

    @Option(names = "--json", description = "Print {\"at\", \"incidents\": [...]} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Instant when;
        try {
            when = at == null ? Instant.now() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--at '" + at + "' is not an instant such as 2026-12-01T06:00:00Z");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = StoreOptions.of(spec).open()) {
            Evaluation e = AlertsCommand.service(spec, db).dryRun(when);
            out.print(json ? Json.text(AlertsOutput.of(e)) + "\n" : AlertsOutput.words(e));
            out.flush();
            return 0;
        }
    }
}
