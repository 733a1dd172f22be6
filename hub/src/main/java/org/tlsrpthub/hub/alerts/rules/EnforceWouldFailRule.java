package org.tlsrpthub.hub.alerts.rules;

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
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.readiness.EnforceFailures;
import org.tlsrpthub.hub.readiness.FailureRates;
import org.tlsrpthub.hub.readiness.Readiness;
import org.tlsrpthub.hub.readiness.ReadinessSettings;

/**
 * The domain's current MTA-STS policy is enforced and, over the readiness window, persistent
 * enforce-relevant failures against it reach {@code failure-percent} of all sessions or of a major
 * sender's: under enforce those are deliveries senders refuse now. The same tally and threshold test
 * as the not-ready verdict (docs/readiness.md); the threshold defaults to
 * {@code readiness.max-failure-percent}. One incident per domain; a new failing reporter or MX, or the
 * rate doubled, updates it.
 */
public final class EnforceWouldFailRule implements DomainRule {
    public static final String ID = "enforce-would-fail";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("failure-percent", ReadinessSettings.DEFAULTS.maxFailurePercent());
    }

    @Override
    public Map<String, Double> defaults(Settings settings) {
        return Map.of("failure-percent", ReadinessSettings.from(settings).maxFailurePercent());
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return 1;
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        EnforceFailures e = f.enforceFailures();
        if (e == null) return List.of();
        double threshold = p.percent("failure-percent");
        List<String> over = e.rates().atOrAbove(threshold);
        if (over.isEmpty()) return List.of();
        FailureRates.Rate all = e.rates().overall();
        TreeSet<String> parties = new TreeSet<>();
        for (Readiness.WouldBreak w : e.wouldBreak()) {
            if (!w.persistent()) continue;
            parties.add(w.reporter());
            if (!w.mx().isEmpty()) parties.add(w.mx());
        }
        List<Map<String, Object>> majors = new ArrayList<>();
        for (FailureRates.Rate r : e.rates().majorSenders()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reporter", r.reporter());
            m.put("failed_sessions", r.failed());
            m.put("sessions", r.sessions());
            m.put("failure_rate_percent", DomainFacts.percent(r.failed(), r.sessions()));
            majors.add(m);
        }
        double rate = DomainFacts.percent(all.failed(), all.sessions());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("policy", ReadinessEvidence.policy(e.policy()));
        evidence.put("window", ReadinessEvidence.window(e.window()));
        evidence.put("sessions", all.sessions());
        evidence.put("failed_sessions", all.failed());
        evidence.put("failure_rate_percent", rate);
        evidence.put("threshold_percent", threshold);
        evidence.put("major_senders", majors);
        evidence.put("reasons", over);
        evidence.put("would_break", ReadinessEvidence.wouldBreak(e.wouldBreak()));
        String summary = "senders refuse mail to " + f.domain() + " under its enforced policy (" + String.join(", ", e.policy().mx())
                + ") now. " + over.get(0);
        return List.of(new Signal(f.domain(), ID, "", Severity.CRITICAL, null, null, null, null, rate, parties,
                (int) e.window().from().toEpochDay(), ReadinessEvidence.dayAfter(e.window()), summary, evidence));
    }
}
