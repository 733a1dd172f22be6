package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.rules.IntakeRule;
import org.tlsrpthub.hub.alerts.rules.Rules;

/**
 * Runs the rules at one instant over the stored rollups. Reads only; the same data and the same
 * instant give the same signals, in the same order.
 */
public final class Evaluator {
    private final AlertSettings settings;
    private final MtaStsSource mtaSts;

    public Evaluator(AlertSettings settings, MtaStsSource mtaSts) {
        this.settings = settings;
        this.mtaSts = mtaSts;
    }

    /** Every domain with rollups and the hub rules ({@code domains} null), or only the given domains. */
    public Evaluation evaluate(Connection c, Instant at, Collection<String> domains) throws SQLException {
        boolean full = domains == null;
        List<String> names = full ? FactsLoader.domains(c) : new ArrayList<>(new TreeSet<>(domains));
        int today = (int) Math.floorDiv(at.toEpochMilli(), 86_400_000L);
        int days = settings.lookbackDays();
        List<Signal> signals = new ArrayList<>();
        try (PreparedStatement rollups = c.prepareStatement(FactsSql.ROLLUPS);
                PreparedStatement reports = c.prepareStatement(FactsSql.EVIDENCE_REPORTS)) {
            for (String domain : names) {
                DomainFacts facts = FactsLoader.domain(rollups, domain, today, days);
                if (facts.rows().isEmpty()) continue;
                facts = FactsLoader.withMtaSts(c, FactsLoader.withLiveCheck(c, facts, at), at, mtaSts);
                for (DomainRule rule : Rules.DOMAIN) {
                    RuleParams p = settings.params(rule.id(), domain);
                    if (!p.enabled()) continue;
                    for (Signal s : rule.evaluate(facts, p)) signals.add(withReports(reports, s));
                }
            }
        }
        if (full) {
            RuleParams intake = settings.params(IntakeRule.ID, "");
            if (intake.enabled()) {
                HubFacts hub = FactsLoader.hub(c, at, intake);
                for (HubRule rule : Rules.HUB) signals.addAll(rule.evaluate(hub, settings.params(rule.id(), "")));
            }
        }
        signals.sort(Comparator.comparing(Signal::key));
        return new Evaluation(at, full, new TreeSet<>(names), signals);
    }

    private static Signal withReports(PreparedStatement reports, Signal s) throws SQLException {
        Map<String, Object> evidence = new LinkedHashMap<>(s.evidence());
        evidence.put("report_ids", FactsLoader.reportIds(reports, s));
        return s.withEvidence(evidence);
    }
}
