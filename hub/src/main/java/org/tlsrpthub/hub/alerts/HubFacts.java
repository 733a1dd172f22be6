package org.tlsrpthub.hub.alerts;

import java.time.Instant;
import java.util.List;

/**
 * What hub rules read: the inputs quarantined for parse errors in the rule's window, and the
 * receivers that are failing now (any node's).
 *
 * @param at          the evaluation instant
 * @param quarantined parse-error quarantines in the window, newest first (ids and when)
 * @param receivers   failing receivers, by node and name
 */
public record HubFacts(Instant at, List<Quarantined> quarantined, List<FailingReceiver> receivers) {
    public HubFacts {
        quarantined = List.copyOf(quarantined);
        receivers = List.copyOf(receivers);
    }

    public record Quarantined(long rawInputId, String kind, Instant at) {}

    public record FailingReceiver(String node, String receiver, Instant failingSince, String lastError) {}
}
