package org.tlsrpthub.hub.alerts.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;

/**
 * What the newest live check found broken now: a record broken, the policy unreachable, an MX not
 * covered, no STARTTLS. One incident per finding id and subject; it resolves when a later check no
 * longer finds it. Certificates running out are {@link CertificateExpiringRule}'s.
 */
public final class LiveCheckRule implements DomainRule {
    public static final String ID = "live-check";

    /** Findings that make senders refuse or fail delivery under an enforced policy: critical. */
    private static final Set<String> BREAKS_DELIVERY = Set.of("sts-policy-fetch-error", "sts-webpki-invalid", "sts-policy-invalid",
            "starttls-not-supported", "certificate-expired", "certificate-not-trusted", "certificate-host-mismatch",
            "mx-not-in-policy", "tlsa-invalid", "dnssec-invalid");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("max-check-age-hours", 48.0);
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return 1;
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        if (f.liveCheck() == null) return List.of();
        // a check older than this says nothing about now (the schedule stopped, or the domain left it)
        long ageMillis = f.today() * 86_400_000L - f.liveCheck().checkedAt().toEpochMilli();
        if (ageMillis > Duration.ofHours(p.whole("max-check-age-hours")).toMillis()) return List.of();
        List<Signal> out = new ArrayList<>();
        for (Finding finding : f.liveCheck().findings()) {
            if (finding.severity() != FindingSeverity.ERROR) continue;
            Severity severity = BREAKS_DELIVERY.contains(finding.id()) ? Severity.CRITICAL : Severity.WARNING;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("finding", finding.id());
            evidence.put("subject", finding.subject());
            evidence.put("message", finding.message());
            evidence.put("fix", finding.fix());
            evidence.put("checked_at", f.liveCheck().checkedAt().toString());
            String summary = "live check of " + f.liveCheck().checkedAt() + ": " + finding.id() + " (" + finding.subject() + "): "
                    + finding.message();
            out.add(new Signal(f.domain(), ID, finding.id() + " " + finding.subject(), severity, null, null, finding.id(), null, null,
                    new TreeSet<>(), f.today(), f.today() + 1, summary, evidence));
        }
        return out;
    }
}
