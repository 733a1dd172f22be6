package org.tlsrpthub.hub.notifications;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.jobs.Job;
import org.tlsrpthub.hub.jobs.JobSettings;
import org.tlsrpthub.hub.store.Database;

/**
 * Notifications as {@code serve} runs them: the outbox that incident changes write to, the one job
 * ("notifications") that sends what it holds, every {@code alerts.delivery.interval-seconds}, and the
 * digest job that queues digests.
 */
public record Notifications(NotificationSettings settings, Outbox outbox, Delivery delivery, NotificationService service, Digests digests) {

    public static Notifications from(Settings s, Database db, Clock clock, PrometheusRegistry registry) {
        NotificationSettings settings = NotificationSettings.from(s);
        Delivery delivery = new Delivery(db, settings, new NotificationMetrics(registry), clock, JobSettings.from(s).nodeName());
        return new Notifications(settings, new Outbox(settings, clock), delivery, new NotificationService(db, clock),
                new Digests(db, settings, clock));
    }

    /**
     * The delivery job, and the digest job when digests are configured; none without a channel (rows
     * already queued wait until one is configured again).
     */
    public List<Job> jobs() {
        if (!settings.hasChannels()) return List.of();
        List<Job> jobs = new ArrayList<>();
        jobs.add(new Job("notifications", settings.interval(), () -> delivery.deliverDue().toString()));
        digests.job().ifPresent(jobs::add);
        return jobs;
    }
}
