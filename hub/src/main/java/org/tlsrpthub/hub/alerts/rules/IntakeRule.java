package org.tlsrpthub.hub.alerts.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.HubFacts;
import org.tlsrpthub.hub.alerts.HubRule;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;

/**
 * The hub's own inputs are failing: inputs quarantined because they did not parse (junk that holds no
 * report at all and reports for domains the hub does not serve are not counted), or a receiver that has
 * been failing for longer than {@code receiver-failing-minutes}.
 */
public final class IntakeRule implements HubRule {
    public static final String ID = "intake";
    static final int MAX_IDS = 20;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("quarantined-hours", 24.0, "receiver-failing-minutes", 15.0);
    }

    @Override
    public List<Signal> evaluate(HubFacts f, RuleParams p) {
        List<Signal> out = new ArrayList<>();
        if (!f.quarantined().isEmpty()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("hours", p.whole("quarantined-hours"));
            evidence.put("quarantined_inputs", f.quarantined().size());
            evidence.put("quarantine_ids", f.quarantined().stream().limit(MAX_IDS).map(HubFacts.Quarantined::rawInputId).toList());
            String summary = String.format("%d %s quarantined for parse errors in the last %d hours", f.quarantined().size(),
                    f.quarantined().size() == 1 ? "input was" : "inputs were",
                    p.whole("quarantined-hours"));
            out.add(new Signal("", ID, "parse-errors", Severity.WARNING, null, null, null, null, null, new TreeSet<>(), 0, 0, summary,
                    evidence));
        }
        Duration limit = Duration.ofMinutes(p.whole("receiver-failing-minutes"));
        for (HubFacts.FailingReceiver r : f.receivers()) {
            Duration failing = Duration.between(r.failingSince(), f.at());
            if (failing.compareTo(limit) <= 0) continue;
            String subject = r.receiver() + "@" + r.node();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("node", r.node());
            evidence.put("receiver", r.receiver());
            evidence.put("failing_since", r.failingSince().toString());
            evidence.put("failing_minutes", failing.toMinutes());
            evidence.put("last_error", r.lastError());
            String summary = String.format("receiver %s on node %s has been failing for %d minutes: %s", r.receiver(), r.node(),
                    failing.toMinutes(), r.lastError());
            out.add(new Signal("", ID, subject, Severity.CRITICAL, null, null, null, null, null, new TreeSet<>(), 0, 0, summary, evidence));
        }
        return out;
    }
}
