package org.tlsrpthub.hub.alerts.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;
import org.tlsrpthub.hub.readiness.Readiness;
import org.tlsrpthub.hub.readiness.Verdict;

/**
 * The domain's MTA-STS policy is in testing and the readiness verdict is {@code ready}: the owner can
 * promote it to enforce now (docs/readiness.md). Info, not trouble. The signal carries no rate and
 * no parties, so that while the domain stays ready its one incident is only refreshed, never updated
 * or re-opened; it resolves once the domain is promoted (the verdict becomes not-applicable) or is
 * no longer ready. The thresholds are the verdict's own ({@code readiness.*} settings).
 */
public final class ReadinessReadyRule implements DomainRule {
    public static final String ID = "readiness-ready";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of();
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return 1;
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        Readiness r = f.readiness();
        if (r == null || r.verdict() != Verdict.READY) return List.of();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("verdict", r.verdict().id());
        evidence.put("policy", ReadinessEvidence.policy(r.policy()));
        evidence.put("window", ReadinessEvidence.window(r.window()));
        evidence.put("reasons", r.reasons());
        evidence.put("would_break", ReadinessEvidence.wouldBreak(r.wouldBreak()));
        String summary = String.format("%s is ready for enforce: %d day(s) of reports under its testing policy (%s), %,d sessions, "
                + "persistent enforce-relevant failures below the threshold; promote it when you are ready", f.domain(),
                r.window().daysObserved(), String.join(", ", r.policy().mx()), r.window().sessions());
        return List.of(new Signal(f.domain(), ID, "", Severity.INFO, null, null, null, null, null, new TreeSet<>(),
                (int) r.window().from().toEpochDay(), ReadinessEvidence.dayAfter(r.window()), summary, evidence));
    }
}
