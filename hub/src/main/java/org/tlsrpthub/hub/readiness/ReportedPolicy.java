package org.tlsrpthub.hub.readiness;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current policy as the reports tell it: the version most reporters applied in their latest
 * reports. Only reporters that reported within the window vote, unless none did (then every
 * reporter's latest report counts, and the verdict calls the data stale anyway). A tie goes to the
 * version first seen later: a change under way is the newer policy.
 */
final class ReportedPolicy {
    private ReportedPolicy() {}

    static Optional<CurrentPolicy> of(PolicyData data, int windowFrom) {
        Map<String, Integer> latestDay = new HashMap<>();
        for (PolicyData.Span s : data.spans()) {
            if (data.versionOfKey().containsKey(s.policyKey())) latestDay.merge(s.reporter(), s.lastDay(), Math::max);
        }
        boolean anyRecent = latestDay.values().stream().anyMatch(d -> d >= windowFrom);
        Map<String, Set<String>> votes = new HashMap<>(); // version id -> reporters
        Map<String, PolicyVersion> versions = new HashMap<>();
        Map<String, Integer> firstDay = new HashMap<>();
        Map<String, Integer> lastDay = new HashMap<>();
        for (PolicyData.Span s : data.spans()) {
            PolicyVersion v = data.versionOfKey().get(s.policyKey());
            if (v == null) continue;
            firstDay.merge(v.id(), s.firstDay(), Math::min);
            // the version as last reported: a max_age changed without a new mx list or mode shows its newest value
            if (s.lastDay() >= lastDay.getOrDefault(v.id(), Integer.MIN_VALUE)) {
                lastDay.put(v.id(), s.lastDay());
                versions.put(v.id(), v);
            }
            int latest = latestDay.get(s.reporter());
            if (s.lastDay() == latest && (!anyRecent || latest >= windowFrom)) {
                votes.computeIfAbsent(v.id(), k -> new HashSet<>()).add(s.reporter());
            }
        }
        return votes.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Set<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(e -> firstDay.get(e.getKey())))
                .map(e -> new CurrentPolicy(versions.get(e.getKey()), CurrentPolicy.Source.REPORTS,
                        LocalDate.ofEpochDay(firstDay.get(e.getKey()))));
    }
}
