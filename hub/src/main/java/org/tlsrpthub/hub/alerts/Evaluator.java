package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.rules.IntakeRule;
import org.tlsrpthub.hub.alerts.rules.Rules;
import org.tlsrpthub.hub.readiness.PolicyCellsCache;

/**
 * Runs the rules at one instant over the stored rollups. Reads only; the same data and the same
 * instant give the same signals, in the same order.
 */
public final class Evaluator {
    /** Domains whose cells one query reads: a round trip spared per domain, memory still flat. */
    static final int CHUNK = 200;

    private final AlertSettings settings;
    private final MtaStsSource mtaSts;
    private final int chunk;
    /** Past days' cells, between evaluations: an ingest batch's evaluation reads again only the days it changed. */
    private final PolicyCellsCache cells = new PolicyCellsCache(PolicyCellsCache.defaultMaxCells());

    public Evaluator(AlertSettings settings, MtaStsSource mtaSts) {
        this(settings, mtaSts, CHUNK);
    }

    Evaluator(AlertSettings settings, MtaStsSource mtaSts, int chunk) {
        this.settings = settings;
        this.mtaSts = mtaSts;
        this.chunk = chunk;
    }

    /**
     * Every domain with rollups or a stored live check, and the hub rules ({@code domains} null), or
     * only the given domains.
     */
    public Evaluation evaluate(Connection c, Instant at, Collection<String> domains) throws SQLException {
        boolean full = domains == null;
        List<String> names = full ? FactsLoader.domains(c) : new ArrayList<>(new TreeSet<>(domains));
        int today = (int) Math.floorDiv(at.toEpochMilli(), 86_400_000L);
        int days = settings.lookbackDays(), reportDays = settings.reportLookbackDays();
        List<Signal> signals = new ArrayList<>();
        // signals of one domain often share a window (failure-rate, each new result type): their reports are read once
        Map<String, List<Long>> reportsOf = new HashMap<>();
        try (PreparedStatement reports = c.prepareStatement(FactsSql.EVIDENCE_REPORTS)) {
            for (int from = 0; from < names.size(); from += chunk) {
                List<String> some = names.subList(from, Math.min(names.size(), from + chunk));
                for (DomainFacts facts : FactsLoader.load(c, some, today, days, reportDays, at, mtaSts, full ? cells.sweeping() : cells)) {
                    for (DomainRule rule : Rules.DOMAIN) {
                        RuleParams p = settings.params(rule.id(), facts.domain());
                        if (!p.enabled()) continue;
                        for (Signal s : rule.evaluate(facts, p)) signals.add(withReports(reports, reportsOf, s));
                    }
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

    private static Signal withReports(PreparedStatement reports, Map<String, List<Long>> reportsOf, Signal s) throws SQLException {
        String key = s.domain() + '\n' + s.fromDay() + '\n' + s.toDay() + '\n' + (s.reporter() == null ? "" : s.reporter());
        List<Long> ids = reportsOf.get(key);
        if (ids == null) reportsOf.put(key, ids = List.copyOf(FactsLoader.reportIds(reports, s)));
        Map<String, Object> evidence = new LinkedHashMap<>(s.evidence());
        evidence.put("report_ids", ids);
        return s.withEvidence(evidence);
    }
}
