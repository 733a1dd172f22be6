package org.tlsrpthub.hub.alerts.rules;

import java.util.List;
import java.util.stream.Stream;
import org.tlsrpthub.hub.alerts.AlertRule;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.HubRule;

/**
 * Every rule the engine runs. A new rule is one class added here (docs/alerts.md).
 */
public final class Rules {
    public static final List<DomainRule> DOMAIN = List.of(new FailureRateRule(), new NewFailureTypeRule(), new SenderFailingRule(),
            new MissingReportsRule(), new CertificateExpiringRule(), new LiveCheckRule(), new StalePolicyRule(),
            new ReadinessReadyRule(), new EnforceWouldFailRule());
    public static final List<HubRule> HUB = List.of(new IntakeRule());

    private Rules() {}

    public static List<AlertRule> all() {
        return Stream.concat(DOMAIN.stream(), HUB.stream()).map(r -> (AlertRule) r).toList();
    }
}
