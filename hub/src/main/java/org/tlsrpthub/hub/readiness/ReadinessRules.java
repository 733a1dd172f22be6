package org.tlsrpthub.hub.readiness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.taxonomy.FailureTaxonomy;

/**
 * The verdict from the policy rollups (issue 13 §1, docs/readiness.md), in order: not-applicable,
 * insufficient-data, not-ready, ready. Pure: the data is read by {@link ReadinessService}.
 */
final class ReadinessRules {
    private ReadinessRules() {}

    /**
     * @param endDay       the first day not looked at: the window is the {@code windowDays} complete days before it
     * @param tally        the window's cells against the current policy ({@link Tally#of}), null when none was found
     * @param liveBlocking what the hub's live check sees broken on the policy or the MX hosts now: it blocks like reported failures
     */
    static Readiness evaluate(String domain, int endDay, ReadinessSettings s, PolicyData data, Optional<CurrentPolicy> found,
            Tally tally, List<String> liveBlocking) {
        LocalDate from = LocalDate.ofEpochDay(endDay - s.windowDays()), to = LocalDate.ofEpochDay(endDay - 1);
        List<String> reasons = new ArrayList<>();
        if (found.isEmpty()) {
            reasons.add(data.otherTypes()
                    ? "The reports name no MTA-STS policy for " + domain + " (only TLSA or no-policy-found), and the hub neither hosts nor has fetched one."
                    : "No report names an MTA-STS policy for " + domain + ", and the hub neither hosts nor has fetched one.");
            return new Readiness(domain, Verdict.NOT_APPLICABLE, reasons, List.of(), window(from, to, new Tally(), s), null);
        }
        CurrentPolicy current = found.get();
        Tally t = tally;
        Readiness.Window window = window(from, to, t, s);
        Readiness.Policy policy = Readiness.Policy.of(current);
        String mode = current.version().mode();
        if (!mode.equals("testing")) {
            reasons.add(mode.equals("enforce")
                    ? "The current policy (" + current.version().describe() + ", from " + current.source().id() + ") is already in enforce mode."
                    : "The current policy (" + current.version().describe() + ", from " + current.source().id() + ") is not in testing mode, so there is nothing to promote.");
            return new Readiness(domain, Verdict.NOT_APPLICABLE, reasons, List.of(), window, policy);
        }
        List<Readiness.WouldBreak> wouldBreak = wouldBreak(t, s);
        List<String> insufficient = insufficient(t, s, current, endDay);
        List<String> blocking = new ArrayList<>(blocking(t, s));
        blocking.addAll(liveBlocking);
        reasons.add(String.format(Locale.ROOT, "%d day(s) of reports between %s and %s under the current policy (%s, from %s): %,d sessions from %d reporter(s).",
                t.days.size(), from, to, current.version().describe(), current.source().id(), t.totalSessions(), t.sessions.size()));
        reasons.addAll(insufficient);
        reasons.addAll(blocking);
        reasons.addAll(majorSenderRates(t, s));
        if (t.olderPolicyFailed > 0) {
            reasons.add(String.format(Locale.ROOT, "%,d failed sessions reported under older policies (%s) do not count against the current one.",
                    t.olderPolicyFailed, String.join("; ", t.olderVersions)));
        }
        long minor = wouldBreak.stream().filter(w -> !w.majorSender()).map(Readiness.WouldBreak::reporter).distinct().count();
        if (blocking.isEmpty() && !wouldBreak.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "Enforce would still refuse some mail (%d reporter(s), %d of them minor senders): see would_break and decide whether that mail matters.",
                    wouldBreak.stream().map(Readiness.WouldBreak::reporter).distinct().count(), minor));
        }
        Verdict v = !insufficient.isEmpty() ? Verdict.INSUFFICIENT_DATA : !blocking.isEmpty() ? Verdict.NOT_READY : Verdict.READY;
        if (v == Verdict.READY) {
            reasons.add(String.format(Locale.ROOT, "Persistent enforce-relevant failures are below %s%% overall and for every major sender: the policy can be promoted to enforce.",
                    percent(s.maxFailurePercent())));
        }
        return new Readiness(domain, v, reasons, wouldBreak, window, policy);
    }

    /**
     * The window's tally against the current policy when it is enforced (else null): the same cells,
     * persistence and thresholds as the verdict, read as mail refused now rather than mail that would be.
     */
    static EnforceFailures underEnforce(int endDay, ReadinessSettings s, Optional<CurrentPolicy> found, Tally t) {
        if (found.isEmpty() || !found.get().version().mode().equals("enforce")) return null;
        return new EnforceFailures(Readiness.Policy.of(found.get()),
                window(LocalDate.ofEpochDay(endDay - s.windowDays()), LocalDate.ofEpochDay(endDay - 1), t, s), FailureRates.of(t, s),
                wouldBreak(t, s));
    }

    private static Readiness.Window window(LocalDate from, LocalDate to, Tally t, ReadinessSettings s) {
        return new Readiness.Window(from, to, t.days.size(), t.lastDay == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(t.lastDay),
                t.totalSessions(), t.reporters().stream().filter(s::isMajor).toList());
    }

    private static List<String> insufficient(Tally t, ReadinessSettings s, CurrentPolicy current, int endDay) {
        List<String> out = new ArrayList<>();
        if (t.totalSessions() == 0 && t.days.isEmpty() && current.since() != null
                && endDay - current.since().toEpochDay() >= s.testingOnlyDays()) {
            return out; // no reports at all: time in testing alone counts (issue 13 §1)
        }
        if (t.days.size() < s.minDays()) {
            out.add(String.format(Locale.ROOT, "Only %d day(s) of reports under the current testing policy; at least %d are needed to see infrequent senders.",
                    t.days.size(), s.minDays()));
        }
        if (t.lastDay == Integer.MIN_VALUE) {
            out.add("No report at all in the window: stale data must never look ready.");
        } else if (t.lastDay < endDay - s.maxSilenceDays()) {
            out.add(String.format(Locale.ROOT, "The newest report covers %s, %d day(s) before %s: reports have stopped, and stale data must never look ready.",
                    LocalDate.ofEpochDay(t.lastDay), endDay - t.lastDay, LocalDate.ofEpochDay(endDay)));
        }
        if (t.reporters().stream().noneMatch(s::isMajor)) {
            out.add("No major sender (" + String.join(", ", s.majorSenders()) + ") has reported under the current policy.");
        }
        return out;
    }

    private static List<String> blocking(Tally t, ReadinessSettings s) {
        return FailureRates.of(t, s).atOrAbove(s.maxFailurePercent());
    }

    private static List<String> majorSenderRates(Tally t, ReadinessSettings s) {
        List<String> parts = new ArrayList<>();
        for (String r : t.reporters()) {
            if (!s.isMajor(r)) continue;
            long of = t.sessions.get(r);
            parts.add(String.format(Locale.ROOT, "%s %s%% of %,d", r, percent(of == 0 ? 0 : 100.0 * t.persistentFailed(r) / of), of));
        }
        return parts.isEmpty() ? List.of() : List.of("Persistent enforce-relevant failure rate per major sender: " + String.join("; ", parts) + ".");
    }

    private static List<Readiness.WouldBreak> wouldBreak(Tally t, ReadinessSettings s) {
        List<Readiness.WouldBreak> out = new ArrayList<>();
        for (Map.Entry<Tally.FailureKey, Long> e : t.failures.entrySet()) {
            Tally.FailureKey k = e.getKey();
            int days = Math.max(1, t.reporterDays.getOrDefault(k.reporter(), java.util.Set.of()).size());
            int failingDays = t.failureDays.get(k.reporter() + '\0' + k.resultType()).size();
            double perDay = Math.round(10.0 * e.getValue() / days) / 10.0;
            out.add(new Readiness.WouldBreak(k.reporter(), k.mx(), k.resultType(), perDay, t.persistent(k.reporter(), k.resultType()),
                    FailureTaxonomy.describe(ResultType.of(k.resultType())).steps().get(0).action(), s.isMajor(k.reporter()),
                    e.getValue(), failingDays));
        }
        out.sort(Comparator.comparingLong(Readiness.WouldBreak::sessions).reversed()
                .thenComparing(Readiness.WouldBreak::reporter).thenComparing(Readiness.WouldBreak::mx));
        return out;
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f", p);
    }
}
