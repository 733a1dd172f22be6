package org.tlsrpthub.hub.readiness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who still applies an older policy version (issue 13 §3), from the spans of the policy rollups. */
final class StaleReporters {
    private StaleReporters() {}

    static StalePolicy of(String domain, int endDay, PolicyData data, Optional<CurrentPolicy> found) {
        if (found.isEmpty() || found.get().since() == null) {
            return new StalePolicy(domain, found.map(Readiness.Policy::of).orElse(null), null, List.of());
        }
        CurrentPolicy current = found.get();
        int since = (int) current.since().toEpochDay();
        Map<String, Integer> latest = new HashMap<>();
        for (PolicyData.Span s : data.spans()) {
            if (data.versionOfKey().containsKey(s.policyKey())) latest.merge(s.reporter(), s.lastDay(), Math::max);
        }
        Map<String, PolicyVersion> older = new HashMap<>();
        Map<String, Boolean> appliesCurrent = new HashMap<>();
        for (PolicyData.Span s : data.spans()) {
            PolicyVersion v = data.versionOfKey().get(s.policyKey());
            if (v == null || s.lastDay() != latest.get(s.reporter()) || s.lastDay() < since) continue;
            if (v.id().equals(current.version().id())) appliesCurrent.put(s.reporter(), true);
            else older.putIfAbsent(s.reporter(), v);
        }
        long daysSince = endDay - since;
        List<StalePolicy.Reporter> out = new ArrayList<>();
        older.entrySet().stream().filter(e -> !appliesCurrent.containsKey(e.getKey())).sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    PolicyVersion v = e.getValue();
                    boolean past = v.maxAge() != null && daysSince * 86_400L > v.maxAge();
                    out.add(new StalePolicy.Reporter(e.getKey(), LocalDate.ofEpochDay(latest.get(e.getKey())), v.mode(), v.mx(),
                            v.maxAge(), daysSince, past));
                });
        return new StalePolicy(domain, Readiness.Policy.of(current), current.since(), out);
    }
}
