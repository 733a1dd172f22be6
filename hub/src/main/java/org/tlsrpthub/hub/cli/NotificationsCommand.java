package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.notifications.NotificationService;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "notifications", mixinStandardHelpOptions = true,
        description = {"The notifications the hub sent, or is still trying to send, about incidents (the outbox).",
                "See docs/alerts-delivery.md."},
        subcommands = {NotificationsCommand.ListNotifications.class, AlertsTestCommand.class})
final class NotificationsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List notifications, newest first (the whole hub's).")
    static final class ListNotifications implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N notifications (1 to 1000; default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = StoreOptions.of(spec).open()) {
                List<NotificationService.NotificationView> rows;
                try {
                    rows = new NotificationService(db, Clock.systemUTC()).recent(Scope.wholeHub(), limit);
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit: " + e.getMessage());
                }
                if (json) {
                    out.println(Json.text(rows));
                    return 0;
                }
                if (rows.isEmpty()) out.println("no notification yet");
                for (NotificationService.NotificationView n : rows) out.println(line(n));
                return 0;
            }
        }
    }

    static String line(NotificationService.NotificationView n) {
        String status = switch (n.status()) {
            case "sent" -> "sent " + n.sentAt();
            case "failed" -> "FAILED after " + n.attempts() + " attempts: " + n.lastError();
            default -> "pending, next attempt " + n.nextAttemptAt() + (n.lastError() == null ? "" : " (" + n.lastError() + ")");
        };
        return "#" + n.id() + " " + n.createdAt() + " " + n.domain() + " " + n.rule() + " " + n.severity() + " " + n.kind()
                + " -> " + n.channel() + (n.recipient().isEmpty() ? "" : " " + n.recipient()) + ": " + status;
    }
}
