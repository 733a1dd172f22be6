package org.tlsrpthub.hub.readiness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The window's cells summed for the verdict: what counts against the current policy, and what was
 * reported under older ones (which does not count).
 *
 * <p>Counts against the current policy: the cells of its version, and the sessions of senders that
 * had no policy to apply (no-policy-found, or sts without a mode) on days since the policy came into
 * force, since a sender that cannot fetch the policy reports that way.
 */
final class Tally {
    /** Result types enforce would refuse on (issue 13 §1); starttls-not-supported only against named hosts. */
    static final Set<String> ENFORCE_RELEVANT = Set.of("sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid",
            "validation-failure", "certificate-host-mismatch", "certificate-expired", "certificate-not-trusted",
            "starttls-not-supported");

    record FailureKey(String reporter, String mx, String resultType) {}

    final Set<Integer> days = new TreeSet<>();
    /** Per reporter: sessions (successful + failed) and days reported, under the current policy. */
    final Map<String, Long> sessions = new TreeMap<>();
    final Map<String, Set<Integer>> reporterDays = new HashMap<>();
    final Map<FailureKey, Long> failures = new TreeMap<>(java.util.Comparator.comparing(FailureKey::reporter)
            .thenComparing(FailureKey::mx).thenComparing(FailureKey::resultType));
    /** Per reporter and result type: the days it was reported, which make it persistent. */
    final Map<String, Set<Integer>> failureDays = new HashMap<>();
    long olderPolicyFailed;
    final Set<String> olderVersions = new TreeSet<>();
    int lastDay = Integer.MIN_VALUE;

    static Tally of(PolicyData data, CurrentPolicy current, ReadinessSettings settings) {
        Tally t = new Tally();
        PolicyVersion v = current.version();
        int since = current.since() == null ? Integer.MIN_VALUE : (int) current.since().toEpochDay();
        String currentId = v.id();
        // a version's id is built anew on each call: judged once per policy key, not once per cell
        Map<String, Boolean> isCurrent = new HashMap<>();
        for (PolicyData.Cell c : data.cells()) {
            if (c.kind().equals("R")) t.lastDay = Math.max(t.lastDay, c.day());
            PolicyVersion applied = data.versionOfKey().get(c.policyKey());
            boolean counts;
            if (applied != null) {
                // get and put rather than computeIfAbsent: its capturing lambda was an allocation per cell
                Boolean known = isCurrent.get(c.policyKey());
                if (known == null) isCurrent.put(c.policyKey(), known = applied.id().equals(currentId));
                counts = known;
            } else {
                counts = data.policyless().contains(c.policyKey()) && c.day() >= since;
            }
            if (!counts) {
                if (applied != null && c.kind().equals("F")) {
                    t.olderPolicyFailed += c.sessions();
                    t.olderVersions.add(applied.describe());
                }
                continue;
            }
            switch (c.kind()) {
                case "R" -> {
                    t.days.add(c.day());
                    t.reporterDays.computeIfAbsent(c.reporter(), k -> new TreeSet<>()).add(c.day());
                }
                case "S", "F" -> t.sessions.merge(c.reporter(), c.sessions(), Long::sum);
                case "D" -> {
                    if (!relevant(c.resultType(), c.mx(), v)) continue;
                    t.failures.merge(new FailureKey(c.reporter(), c.mx(), c.resultType()), c.sessions(), Long::sum);
                    t.failureDays.computeIfAbsent(c.reporter() + '\0' + c.resultType(), k -> new TreeSet<>()).add(c.day());
                }
                default -> { }
            }
        }
        return t;
    }

    /** A host the report does not name cannot be told apart, so it counts: stale data must not look green. */
    private static boolean relevant(String type, String mx, PolicyVersion v) {
        if (!ENFORCE_RELEVANT.contains(type)) return false;
        return !type.equals("starttls-not-supported") || mx.isEmpty() || v.names(mx);
    }

    boolean persistent(String reporter, String resultType) {
        return failureDays.getOrDefault(reporter + '\0' + resultType, Set.of()).size() >= 2;
    }

    long totalSessions() {
        return sessions.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Persistent enforce-relevant failed sessions, of one reporter or (null) of all. */
    long persistentFailed(String reporter) {
        long n = 0;
        for (Map.Entry<FailureKey, Long> e : failures.entrySet()) {
            FailureKey k = e.getKey();
            if ((reporter == null || k.reporter().equals(reporter)) && persistent(k.reporter(), k.resultType())) n += e.getValue();
        }
        return n;
    }

    List<String> reporters() {
        return List.copyOf(sessions.keySet());
    }
}
