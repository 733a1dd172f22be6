package org.tlsrpthub.hub.notifications;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tlsrpthub.hub.alerts.IncidentTransition;
import org.tlsrpthub.hub.analysis.DomainAnalysis;
import org.tlsrpthub.hub.analysis.DomainAnalysisService;
import org.tlsrpthub.hub.analysis.Period;
import org.tlsrpthub.hub.jobs.Job;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;

/**
 * The daily or weekly digest email ({@code alerts.digest.*}): once a period (a UTC day, or a week
 * Monday to Sunday) is complete, each recipient of any domain (its owners, then its organisation's
 * alert route) gets one email about their domains: the open incidents, each domain's failure rate
 * against the period before, and the top failure types with their fix. It is queued in the outbox
 * like any notification (kind "digest"), once per recipient and period.
 */
public final class Digests {
    static final String KIND = "digest";
    private static final int TOP_FAILURE_TYPES = 3;
    /** How often the job looks for a completed period; the digest goes out within this of the period's end. */
    static final java.time.Duration CHECK_EVERY = java.time.Duration.ofHours(1);

    private final Database db;
    private final NotificationSettings settings;
    private final DomainAnalysisService analysis;
    private final Clock clock;

    public Digests(Database db, NotificationSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.analysis = new DomainAnalysisService(db, clock);
        this.clock = clock;
    }

    /** The digest as queued: what the email says. */
    record Digest(String subject, String text) {}

    /** The digest job, when {@code alerts.digest.channel} is set. */
    Optional<Job> job() {
        if (settings.digestChannel() == null) return Optional.empty();
        return Optional.of(new Job("notification-digest", CHECK_EVERY, () -> "queued " + queueDue() + " digests"));
    }

    /** The last complete period: yesterday, or the last Monday-to-Sunday week that has ended. */
    Period lastCompletePeriod() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!settings.weeklyDigest()) return new Period(today.minusDays(1), today.minusDays(1));
        LocalDate sunday = today.minusDays(today.getDayOfWeek().getValue());
        return new Period(sunday.minusDays(6), sunday);
    }

    /** Queues the digests of the last complete period not queued yet; returns how many. */
    public int queueDue() throws SQLException {
        Period period = lastCompletePeriod();
        Map<String, TreeSet<String>> domainsOf = db.withConnection(this::domainsByRecipient);
        Channel channel = settings.channels().get(settings.digestChannel());
        int queued = 0;
        for (Map.Entry<String, TreeSet<String>> e : domainsOf.entrySet()) {
            Digest digest = digest(period, e.getValue());
            queued += db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(DigestSql.claim(db.dialect() == Dialect.POSTGRESQL))) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, period.from().toString());
                    ps.setLong(3, clock.millis());
                    if (ps.executeUpdate() == 0) return 0;
                }
                Outbox.enqueueDigest(c, channel, e.getKey(), Json.text(digest), clock.millis());
                return 1;
            });
        }
        return queued;
    }

    private Map<String, TreeSet<String>> domainsByRecipient(Connection c) throws SQLException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        List<String> domains = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DigestSql.ASSIGNED_DOMAINS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) domains.add(rs.getString(1));
        }
        for (String d : domains) {
            for (String r : OwnersService.recipients(c, d)) out.computeIfAbsent(r, k -> new TreeSet<>()).add(d);
        }
        return out;
    }

    Digest digest(Period period, TreeSet<String> domains) throws SQLException {
        StringBuilder b = new StringBuilder();
        b.append("TLS-RPT Hub digest for ").append(period.from()).append(period.from().equals(period.to()) ? "" : " to " + period.to())
                .append(" (UTC), compared with the ").append(settings.weeklyDigest() ? "week" : "day").append(" before.\n\n");
        List<IncidentTransition> open = openIncidents(domains);
        b.append("Open incidents: ").append(open.isEmpty() ? "none" : open.size()).append('\n');
        for (IncidentTransition t : open) {
            b.append("- ").append(t.domain()).append(": ").append(t.severity()).append(' ').append(t.rule())
                    .append(t.subject() == null || t.subject().isEmpty() ? "" : " (" + t.subject() + ")").append(" since ").append(t.at())
                    .append(": ").append(t.summary()).append(t.link() == null ? "" : " " + settings.publicUrl() + t.link()).append('\n');
        }
        for (String d : domains) {
            b.append("\n").append(d).append('\n');
            Optional<DomainAnalysis> a = analysis.analyse(Scope.wholeHub(), d, period, 1);
            if (a.isEmpty() || a.get().current().totalSessions() == 0) {
                b.append("  no sessions reported in this period\n");
                continue;
            }
            DomainAnalysis x = a.get();
            b.append(String.format(java.util.Locale.ROOT, "  failure rate %.2f %% of %d sessions (before: %s)%n",
                    100 * x.current().failureRate(), x.current().totalSessions(),
                    x.previous().totalSessions() == 0 ? "no sessions"
                            : String.format(java.util.Locale.ROOT, "%.2f %% of %d", 100 * x.previous().failureRate(), x.previous().totalSessions())));
            x.byFailureType().stream().limit(TOP_FAILURE_TYPES).forEach(f -> {
                b.append("  ").append(f.resultType()).append(": ").append(f.failedSessions()).append(" failed sessions, ")
                        .append(f.description().title()).append('\n');
                b.append("    fix: ").append(f.description().steps().get(0).action())
                        .append(f.description().steps().get(0).command() == null ? "" : " (" + f.description().steps().get(0).command() + ")").append('\n');
            });
        }
        String subject = "TLS-RPT Hub " + (settings.weeklyDigest() ? "weekly" : "daily") + " digest: " + open.size() + " open incidents, "
                + domains.size() + " domains, " + period.from();
        return new Digest(subject, b.toString());
    }

    private List<IncidentTransition> openIncidents(TreeSet<String> domains) throws SQLException {
        return db.withConnection(c -> {
            List<IncidentTransition> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(DigestSql.LATEST_TRANSITIONS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!domains.contains(rs.getString(2)) || rs.getString(3).equals("resolved")) continue;
                    try {
                        out.add(Json.MAPPER.readValue(rs.getString(4), IncidentTransition.class));
                    } catch (IOException e) {
                        throw new SQLException("outbox row of incident " + rs.getLong(1) + " cannot be read: " + e.getMessage(), e);
                    }
                }
            }
            return out;
        });
    }
}
