package org.tlsrpthub.hub.alerts;

import java.util.List;

/** A rule about the hub itself rather than a domain (its inputs); its signals have domain "". */
public interface HubRule extends AlertRule {
    List<Signal> evaluate(HubFacts facts, RuleParams p);
}
