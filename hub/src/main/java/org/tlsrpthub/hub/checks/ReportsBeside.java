package org.tlsrpthub.hub.checks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tlsrpthub.hub.store.Database;

/**
 * What senders reported about a domain in the recent window beside what the newest live check sees,
 * with two verdicts: "fixed, reports catching up" (reports say certificate-* or starttls-* on an MX
 * the probe now sees fine, since a date) and "stale policy" (a sender applied an MTA-STS policy
 * that differs from the one published now).
 */
public final class ReportsBeside {
    /** The recent window, in days up to today. */
    public static final int RECENT_DAYS = 14;
    public static final String FIXED = "fixed, reports catching up";
    public static final String STILL_FAILING = "still failing: the probe sees it too";
    public static final String NO_LONGER_MX = "no longer an MX host";
    public static final String STALE = "stale policy";
    public static final String CURRENT = "matches the live policy";

    private final Database db;
    private final Clock clock;

    public ReportsBeside(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Reported(String resultType, long sessions, LocalDate firstDay, LocalDate lastDay) {}

    /** @param live what the probe sees now ("STARTTLS offered, certificate trusted until …"), null when the host is not checked */
    public record MxLine(String host, List<Reported> reported, String live, String verdict, Instant fineSince) {}

    public record PolicyLine(String reporter, String organizationName, List<String> policyStrings, Instant lastSeen, String verdict) {}

    /** @param checkedAt when the live state was taken, null when the domain was never checked */
    public record View(String domain, LocalDate from, Instant checkedAt, List<MxLine> mx, List<PolicyLine> policies) {}

    /** @param history the domain's stored checks, newest first (for "fine since") */
    View view(String domain, DomainCheck latest, List<StoredCheck> history) throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(RECENT_DAYS - 1);
        Map<String, List<Reported>> failures = failures(domain, from);
        List<MxLine> mx = new ArrayList<>();
        failures.forEach((host, reported) -> mx.add(mxLine(host, reported, latest, history)));
        List<PolicyLine> policies = policies(domain, from, latest);
        return new View(domain, from, latest == null ? null : latest.checkedAt(), mx, policies);
    }

    private Map<String, List<Reported>> failures(String domain, LocalDate from) throws SQLException {
        return db.withConnection(c -> {
            Map<String, List<Reported>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(CheckSql.REPORTED_FAILURES)) {
                ps.setString(1, domain);
                ps.setLong(2, from.toEpochDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Reported(rs.getString(2), rs.getLong(3),
                                LocalDate.ofEpochDay(rs.getLong(4)), LocalDate.ofEpochDay(rs.getLong(5))));
                    }
                }
            }
            return out;
        });
    }

    private static MxLine mxLine(String host, List<Reported> reported, DomainCheck latest, List<StoredCheck> history) {
        boolean transport = reported.stream().anyMatch(r -> r.resultType().startsWith("certificate-") || r.resultType().startsWith("starttls-"));
        MxHost now = latest == null ? null : find(latest, host);
        if (host.isEmpty() || latest == null) return new MxLine(host, reported, null, null, null);
        if (now == null) return new MxLine(host, reported, "not an MX of the domain now", transport ? NO_LONGER_MX : null, null);
        String live = describe(now);
        if (!transport) return new MxLine(host, reported, live, null, null);
        if (!fine(now)) return new MxLine(host, reported, live, STILL_FAILING, null);
        Instant since = latest.checkedAt();
        for (StoredCheck s : history) {
            MxHost then = find(s.check(), host);
            if (then == null || !fine(then)) break;
            since = s.check().checkedAt();
        }
        return new MxLine(host, reported, live, FIXED, since);
    }

    private static MxHost find(DomainCheck check, String host) {
        for (MxHost m : check.mx()) if (m.host().equalsIgnoreCase(host)) return m;
        return null;
    }

    /** STARTTLS offered and a certificate a sender accepts: trusted, naming the host, not expired. */
    static boolean fine(MxHost m) {
        MxHost.CertificateInfo c = m.certificate();
        return "offered".equals(m.starttls()) && c != null && c.trusted() && c.nameMatches() && c.daysToExpiry() >= 0;
    }

    private static String describe(MxHost m) {
        if (!"offered".equals(m.starttls())) return "STARTTLS " + m.starttls();
        MxHost.CertificateInfo c = m.certificate();
        if (c == null) return "STARTTLS offered, no certificate seen";
        return "STARTTLS offered, certificate " + (c.trusted() ? "trusted" : "not trusted") + (c.nameMatches() ? "" : ", wrong name")
                + ", valid until " + c.notAfter();
    }

    private List<PolicyLine> policies(String domain, LocalDate from, DomainCheck latest) throws SQLException {
        String livePolicy = latest == null || latest.mtaSts() == null ? null : latest.mtaSts().policy();
        Set<String> live = livePolicy == null ? null : normalised(List.of(livePolicy.split("\r?\n")));
        return db.withConnection(c -> {
            List<PolicyLine> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CheckSql.REPORTED_POLICIES)) {
                ps.setString(1, domain);
                ps.setLong(2, from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> strings = List.of(rs.getString(3).split("\n"));
                        String verdict = live == null ? null : normalised(strings).equals(live) ? CURRENT : STALE;
                        out.add(new PolicyLine(rs.getString(1), rs.getString(2), strings, Instant.ofEpochMilli(rs.getLong(4)), verdict));
                    }
                }
            }
            return out;
        });
    }

    /** A policy's lines as a sender reports them or the server serves them: "key: value", keys in lower case, order aside. */
    static Set<String> normalised(List<String> lines) {
        Set<String> out = new TreeSet<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (line.isBlank() || colon < 0) continue;
            out.add(line.substring(0, colon).trim().toLowerCase(Locale.ROOT) + ": " + line.substring(colon + 1).trim());
        }
        return out;
    }
}
