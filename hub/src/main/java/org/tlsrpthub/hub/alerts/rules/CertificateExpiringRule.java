package org.tlsrpthub.hub.alerts.rules;

import static org.tlsrpthub.hub.alerts.DomainFacts.date;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;
import org.tlsrpthub.hub.checks.MxHost;

/**
 * An MX host's certificate, as the newest live check saw it, expires soon: a warning within 21 days,
 * critical within 7 (or expired). Days are counted from the evaluated day, not from the check, so an
 * old check still counts down.
 */
public final class CertificateExpiringRule implements DomainRule {
    public static final String ID = "certificate-expiring";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("warning-days", 21.0, "critical-days", 7.0);
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return 1;
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        if (f.liveCheck() == null) return List.of();
        List<Signal> out = new ArrayList<>();
        for (MxHost mx : f.liveCheck().mx()) {
            if (mx.certificate() == null || mx.certificate().notAfter() == null) continue;
            Instant notAfter;
            try {
                notAfter = Instant.parse(mx.certificate().notAfter());
            } catch (DateTimeParseException e) {
                continue; // written by the prober as an instant; anything else is not a date to count down to
            }
            long daysLeft = Math.floorDiv(notAfter.toEpochMilli() - f.today() * 86_400_000L, 86_400_000L);
            Severity severity;
            if (daysLeft <= p.whole("critical-days")) severity = Severity.CRITICAL;
            else if (daysLeft <= p.whole("warning-days")) severity = Severity.WARNING;
            else continue;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("mx", mx.host());
            evidence.put("not_after", notAfter.toString());
            evidence.put("days_left", daysLeft);
            evidence.put("checked_at", f.liveCheck().checkedAt().toString());
            evidence.put("certificate_sha256", mx.certificate().sha256());
            String summary = daysLeft < 0
                    ? String.format("the certificate of %s expired on %s (live check of %s)", mx.host(), date((int) Math.floorDiv(notAfter.toEpochMilli(), 86_400_000L)), f.liveCheck().checkedAt())
                    : String.format("the certificate of %s expires in %d days, on %s (live check of %s)", mx.host(), daysLeft, notAfter, f.liveCheck().checkedAt());
            out.add(new Signal(f.domain(), ID, mx.host(), severity, null, mx.host(), null, null, null, new TreeSet<>(List.of(mx.host())),
                    f.today(), f.today() + 1, summary, evidence));
        }
        return out;
    }
}
