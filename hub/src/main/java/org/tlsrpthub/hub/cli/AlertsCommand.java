package org.tlsrpthub.hub.cli;

import org.tlsrpthub.hub.alerts.MtaStsSource;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The parent of the alert commands; each subcommand is its own class (docs/alerts.md). */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        header = "Incidents: what the alert rules found, and acknowledging and snoozing them.",
        description = {"Incidents the alert rules open, update and resolve (docs/alerts.md).",
                "'evaluate' is a dry run for any instant; 'list', 'ack' and 'snooze' act on the stored incidents."},
        subcommands = {AlertsEvaluateCommand.class, AlertsListCommand.class, AlertsAckCommand.class, AlertsSnoozeCommand.class,
                AlertsTestCommand.class})
final class AlertsCommand {
    private AlertsCommand() {}

    /**
     * The service over the command line's store and settings (a bad alert setting stops the command, naming it). The commands
     * never change an incident's state (the dry run writes nothing; ack and snooze are no transitions), so nothing reaches the sink.
     */
    static AlertService service(CommandSpec spec, Database db) {
        Settings settings = StoreOptions.of(spec).settings();
        java.time.Clock clock = java.time.Clock.systemUTC();
        return new AlertService(db, clock, AlertSettings.from(settings), (c, t) -> {
            throw new IllegalStateException("the alert commands do not evaluate incidents; serve does");
        }, MtaStsSource.of(ReadinessService.of(db, clock, settings)));
    }
}
