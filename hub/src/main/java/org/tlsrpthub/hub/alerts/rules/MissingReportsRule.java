package org.tlsrpthub.hub.alerts.rules;

import static org.tlsrpthub.hub.alerts.DomainFacts.date;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.DomainRule;
import org.tlsrpthub.hub.alerts.RollupRow;
import org.tlsrpthub.hub.alerts.RuleParams;
import org.tlsrpthub.hub.alerts.Severity;
import org.tlsrpthub.hub.alerts.Signal;

/**
 * A reporter that used to report has gone quiet, and a domain that used to get reports daily has
 * received none. A daily reporter is one with reports on {@code active-days} of the
 * {@code activity-days} up to its last report; a reporter with a longer regular cadence (weekly
 * ranges) is judged by its own cadence: missing once silent for more than its cadence plus
 * {@code silent-days}. Days count the report's start day, as the rollups do.
 */
public final class MissingReportsRule implements DomainRule {
    public static final String ID = "missing-reports";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("active-days", 5.0, "activity-days", 21.0, "silent-days", 7.0, "domain-silent-days", 3.0, "history-days", 42.0);
    }

    /** It reads report cells only. */
    @Override
    public int lookbackDays(RuleParams p) {
        return 1;
    }

    @Override
    public int reportLookbackDays(RuleParams p) {
        return p.whole("history-days");
    }

    @Override
    public List<Signal> evaluate(DomainFacts f, RuleParams p) {
        int since = f.today() - p.whole("history-days");
        Map<String, TreeSet<Integer>> days = new TreeMap<>();
        TreeSet<Integer> domainDays = new TreeSet<>();
        for (RollupRow r : f.rows()) {
            if (r.kind() != RollupRow.REPORTS || r.day() < since || r.day() >= f.today() || r.sessions() <= 0) continue;
            days.computeIfAbsent(r.reporter(), k -> new TreeSet<>()).add(r.day());
            domainDays.add(r.day());
        }
        List<Signal> out = new ArrayList<>();
        for (Map.Entry<String, TreeSet<Integer>> e : days.entrySet()) {
            TreeSet<Integer> d = e.getValue();
            int silent = f.today() - 1 - d.last();
            int cadence = cadence(d, p);
            if (cadence == 0 || silent <= cadence - 1 + p.whole("silent-days")) continue;
            out.add(signal(f, e.getKey(), d, silent, cadence, p));
        }
        if (!domainDays.isEmpty() && cadence(domainDays, p) == 1) {
            int silent = f.today() - 1 - domainDays.last();
            if (silent >= p.whole("domain-silent-days")) out.add(signal(f, "", domainDays, silent, 1, p));
        }
        return out;
    }

    /** 1 for a daily reporter, its median gap in days for a regular slower one, 0 when it has no cadence to judge by. */
    static int cadence(TreeSet<Integer> days, RuleParams p) {
        int last = days.last();
        if (days.subSet(last - p.whole("activity-days") + 1, true, last, true).size() >= p.whole("active-days")) return 1;
        if (days.size() < 3) return 0;
        List<Integer> gaps = new ArrayList<>();
        Integer previous = null;
        for (int day : days) {
            if (previous != null) gaps.add(day - previous);
            previous = day;
        }
        gaps.sort(null);
        int median = gaps.get(gaps.size() / 2);
        return median >= 2 ? median : 0;
    }

    private static Signal signal(DomainFacts f, String reporter, TreeSet<Integer> days, int silent, int cadence, RuleParams p) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("last_report_day", date(days.last()));
        evidence.put("silent_days", silent);
        evidence.put("cadence_days", cadence);
        evidence.put("report_days", days.subSet(days.last() - p.whole("activity-days") + 1, true, days.last(), true).size());
        String what = reporter.isEmpty() ? "No reporter has sent a report" : reporter + " has sent no report";
        String summary = String.format("%s about %s for %d days (last report %s; reports came %s)", what, f.domain(),
                silent, date(days.last()), cadence == 1 ? "daily" : "every " + cadence + " days");
        TreeSet<String> parties = new TreeSet<>();
        if (!reporter.isEmpty()) parties.add(reporter);
        return new Signal(f.domain(), ID, reporter, Severity.WARNING, reporter.isEmpty() ? null : reporter, null, null, null, null,
                parties, days.last(), days.last() + 1, summary, evidence);
    }
}
