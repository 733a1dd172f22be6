package org.tlsrpthub.hub.alerts.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.readiness.Readiness;

/** The readiness verdict's numbers as the MTA-STS rules put them in an incident's evidence (JSON-friendly maps). */
final class ReadinessEvidence {
    /** Rows of would_break kept in the evidence, busiest first: enough to act on, small enough for a message. */
    static final int MAX_ROWS = 20;

    private ReadinessEvidence() {}

    static Map<String, Object> policy(Readiness.Policy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.source().id());
        m.put("mode", p.mode());
        m.put("mx", p.mx());
        m.put("max_age", p.maxAge());
        m.put("since", p.since() == null ? null : p.since().toString());
        return m;
    }

    static Map<String, Object> window(Readiness.Window w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", w.from().toString());
        m.put("to", w.to().toString());
        m.put("days_observed", w.daysObserved());
        m.put("sessions", w.sessions());
        m.put("major_senders", w.majorSenders());
        return m;
    }

    static List<Map<String, Object>> wouldBreak(List<Readiness.WouldBreak> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Readiness.WouldBreak w : rows.subList(0, Math.min(MAX_ROWS, rows.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reporter", w.reporter());
            m.put("mx", w.mx());
            m.put("result_type", w.resultType());
            m.put("sessions_per_day", w.sessionsPerDay());
            m.put("persistent", w.persistent());
            m.put("major_sender", w.majorSender());
            m.put("fix", w.fix());
            out.add(m);
        }
        return out;
    }

    /** The epoch day after the window's last day: the end of the signal's evidence range. */
    static int dayAfter(Readiness.Window w) {
        return (int) w.to().toEpochDay() + 1;
    }
}
