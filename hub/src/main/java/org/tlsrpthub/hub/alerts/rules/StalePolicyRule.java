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
import org.tlsrpthub.hub.readiness.StalePolicy;

/**
 * A reporter still applies an older MTA-STS policy version more than that version's max_age after
 * the change (docs/readiness.md "Stale policy"): it should have fetched the current one by now, so
 * its cache, or its view of the policy host, is wrong. Current is the hosted policy, else the last
 * live-fetched one, else what most reporters applied in their latest reports.
 */
public final class StalePolicyRule implements DomainRule {
    public static final String ID = "stale-policy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("grace-days", 1.0);
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return 1;
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        StalePolicy stale = f.stalePolicy();
        if (stale == null || stale.policy() == null) return List.of();
        List<Signal> out = new ArrayList<>();
        for (StalePolicy.Reporter r : stale.reporters()) {
            if (r.maxAge() == null) continue; // no max_age reported: no time by which it should have changed
            long graceSeconds = r.maxAge() + p.whole("grace-days") * 86_400L;
            if (r.daysSinceChange() * 86_400L <= graceSeconds) continue;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("reporter", r.reporter());
            evidence.put("changed_on", stale.changedOn().toString());
            evidence.put("days_since_change", r.daysSinceChange());
            evidence.put("applied_mode", r.mode());
            evidence.put("applied_mx", r.mx());
            evidence.put("applied_max_age", r.maxAge());
            evidence.put("current_mode", stale.policy().mode());
            evidence.put("current_mx", stale.policy().mx());
            evidence.put("last_report_day", r.lastReportDay().toString());
            String summary = String.format("%s still applied the older policy (mode %s, mx %s) on %s, %d days after the change on %s "
                    + "(its max_age is %d s)", r.reporter(), r.mode(), String.join(",", r.mx()), r.lastReportDay(), r.daysSinceChange(),
                    stale.changedOn(), r.maxAge());
            out.add(new Signal(f.domain(), ID, r.reporter(), Severity.WARNING, r.reporter(), null, null, null, null,
                    new TreeSet<>(List.of(r.reporter())), (int) stale.changedOn().toEpochDay(), f.today(), summary, evidence));
        }
        return out;
    }
}
