package org.tlsrpthub.hub.notifications;

import java.util.Map;

/** The settings of {@code serve} nodes whose only channel is a webhook to the test's receiver. */
final class DeliveryNodes {
    private DeliveryNodes() {}

    static Map<String, String> settings(String webhookUrl) {
        return Map.of("jobs.poll-interval-seconds", "1", "alerts.delivery.interval-seconds", "1", "alerts.delivery.timeout-seconds", "2",
                "alerts.delivery.lease-seconds", "8", "alerts.allow-private", "true", "alerts.channel.hook.type", "webhook",
                "alerts.channel.hook.url", webhookUrl);
    }
}
