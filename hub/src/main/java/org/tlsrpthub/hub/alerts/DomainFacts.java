package org.tlsrpthub.hub.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.readiness.EnforceFailures;
import org.tlsrpthub.hub.readiness.MtaStsFacts;
import org.tlsrpthub.hub.readiness.Readiness;
import org.tlsrpthub.hub.readiness.StalePolicy;

/**
 * What a domain rule may read about one domain: its rollup cells of the days before {@code today}
 * (the first day that is not complete yet), as far back as the longest rule looks. Rules never scan
 * reports. A rule fed by another source gets that source as a new field here, loaded by
 * {@link FactsLoader}: see docs/alerts.md.
 *
 * @param liveCheck   the domain's newest live check taken before the evaluated instant, or null
 * @param mtaSts      the MTA-STS readiness, enforced failures and stale reporters (docs/readiness.md), or null
 */
public record DomainFacts(String domain, int today, List<RollupRow> rows, DomainCheck liveCheck, MtaStsFacts mtaSts) {
    public DomainFacts {
        rows = List.copyOf(rows);
    }

    /** Facts without a live check. */
    public DomainFacts(String domain, int today, List<RollupRow> rows) {
        this(domain, today, rows, null, null);
    }

    /** The reporters still applying an older MTA-STS policy version, or null. */
    public StalePolicy stalePolicy() {
        return mtaSts == null ? null : mtaSts.stale();
    }

    /** The readiness verdict, or null. */
    public Readiness readiness() {
        return mtaSts == null ? null : mtaSts.readiness();
    }

    /** The failures against the current policy when it is enforced, or null. */
    public EnforceFailures enforceFailures() {
        return mtaSts == null ? null : mtaSts.enforce();
    }

    /** Sessions of {@code kind} over the days [from, to) whose row passes {@code which}. */
    public long sum(char kind, int from, int to, Predicate<RollupRow> which) {
        long n = 0;
        for (RollupRow r : rows) if (r.kind() == kind && r.day() >= from && r.day() < to && which.test(r)) n += r.sessions();
        return n;
    }

    public long sum(char kind, int from, int to) {
        return sum(kind, from, to, r -> true);
    }

    /** Sessions of {@code kind} over [from, to) per reporter, in reporter order. */
    public Map<String, Long> perReporter(char kind, int from, int to) {
        Map<String, Long> out = new TreeMap<>();
        for (RollupRow r : rows) {
            if (r.kind() == kind && r.day() >= from && r.day() < to) out.merge(r.reporter(), r.sessions(), Long::sum);
        }
        return out;
    }

    /** A window of days [from, to) as evidence shows it: its first and last day. */
    public static Map<String, Object> window(int from, int to) {
        Map<String, Object> w = new java.util.LinkedHashMap<>();
        w.put("from", date(from));
        w.put("to", date(to - 1));
        return w;
    }

    public static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** failed / (successful + failed) in percent, rounded to two decimals so that equal data prints equally. */
    public static double percent(long failed, long total) {
        return total == 0 ? 0 : Math.round(failed * 10_000.0 / total) / 100.0;
    }
}
