package org.tlsrpthub.hub.alerts.rules;

import static org.tlsrpthub.hub.alerts.DomainFacts.date;
import static org.tlsrpthub.hub.alerts.DomainFacts.window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RollupRow;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;

/** A result type that had no sessions for the domain in the previous days now has enough of them. */
public final class NewFailureTypeRule implements DomainRule {
    public static final String ID = "new-failure-type";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-sessions", 10.0, "window-days", 3.0, "previous-days", 30.0);
    }

    @Override
    public int lookbackDays(RuleParams p) {
        return p.whole("window-days") + p.whole("previous-days");
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        int from = f.today() - p.whole("window-days");
        int before = from - p.whole("previous-days");
        Map<String, Long> now = ResultTypes.failed(f, from);
        List<Signal> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : now.entrySet()) {
            String type = e.getKey();
            if (e.getValue() < p.whole("min-sessions")) continue;
            if (f.sum(RollupRow.DETAIL, before, from, r -> r.resultType().equals(type)) > 0) continue;
            TreeSet<String> reporters = new TreeSet<>();
            TreeSet<String> mx = new TreeSet<>();
            for (RollupRow r : f.rows()) {
                if (r.kind() == RollupRow.DETAIL && r.day() >= from && r.day() < f.today() && r.resultType().equals(type)) {
                    reporters.add(r.reporter());
                    if (!r.mx().isEmpty()) mx.add(r.mx());
                }
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("window", window(from, f.today()));
            evidence.put("previous_window", window(before, from));
            evidence.put("failed_sessions", e.getValue());
            evidence.put("reporters", List.copyOf(reporters));
            evidence.put("mx_hosts", List.copyOf(mx));
            TreeSet<String> parties = new TreeSet<>(reporters);
            parties.addAll(mx);
            String summary = String.format("%d sessions to %s failed with %s since %s, a result type not seen in the %d days before", e.getValue(),
                    f.domain(), type, date(from), p.whole("previous-days"));
            out.add(new Signal(f.domain(), ID, type, Severity.WARNING, null, mx.isEmpty() ? null : String.join(",", mx), type, null, null,
                    parties, from, f.today(), summary, evidence));
        }
        return out;
    }
}
