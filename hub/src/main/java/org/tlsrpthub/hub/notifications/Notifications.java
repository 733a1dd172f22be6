package org.tlsrpthub.hub.notifications;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.Optional;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.jobs.Job;
import org.tlsrpthub.hub.jobs.JobSettings;
import org.tlsrpthub.hub.store.Database;

/**
 * Notifications as {@code serve} runs them: the outbox that incident changes write to, and the one
 * job ("notifications") that sends what it holds, every {@code alerts.delivery.interval-seconds}.
 */
public record Notifications(NotificationSettings settings, Outbox outbox, Delivery delivery, NotificationService service) {

    public static Notifications from(Settings s, Database db, Clock clock, PrometheusRegistry registry) {
        NotificationSettings settings = NotificationSettings.from(s);
        Delivery delivery = new Delivery(db, settings, new NotificationMetrics(registry), clock, JobSettings.from(s).nodeName());
        return new Notifications(settings, new Outbox(settings, clock), delivery, new NotificationService(db, clock));
    }

    /** The delivery job; none without a channel (rows already queued wait until one is configured again). */
    public Optional<Job> job() {
        if (!settings.hasChannels()) return Optional.empty();
        return Optional.of(new Job("notifications", settings.interval(), () -> delivery.deliverDue().toString()));
    }
}
