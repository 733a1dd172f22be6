package org.tlsrpthub.hub.cli;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.notifications.NotificationService;
import org.tlsrpthub.hub.notifications.Notifications;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Sends a test message on one channel now (alerts.channel.NAME) and says whether it arrived;",
                "it shows among the notifications like any other. Exit status 1 when the send failed."})
public final class AlertsTestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--channel", required = true, paramLabel = "NAME", description = "The channel (alerts.channel.NAME).")
    String channel;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "For an email channel: the recipient (default: the channel's alerts.channel.NAME.to).")
    String to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StoreOptions store = StoreOptions.of(spec);
        try (Database db = store.open()) {
            Notifications notifications = Notifications.from(store.settings(), db, Clock.systemUTC(), new PrometheusRegistry());
            NotificationService.TestResult result;
            try {
                result = notifications.service().sendTest(notifications, channel, to);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (json) out.println(Json.text(result));
            else for (NotificationService.NotificationView n : result.deliveries()) out.println(NotificationsCommand.line(n));
            return result.ok() ? 0 : 1;
        }
    }
}
