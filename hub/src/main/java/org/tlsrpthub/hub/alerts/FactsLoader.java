package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.checks.CheckStore;

/**
 * Reads what the rules need, one domain at a time through the rollups' primary key, so that memory
 * holds one domain's few weeks of cells whatever the number of reports or domains.
 */
final class FactsLoader {
    private FactsLoader() {}

    static List<String> domains(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FactsSql.DOMAINS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** The domain's cells of the {@code days} complete days before {@code today}. */
    static DomainFacts domain(PreparedStatement rollups, String domain, int today, int days) throws SQLException {
        List<RollupRow> rows = new ArrayList<>();
        rollups.setString(1, domain);
        rollups.setInt(2, today - days);
        rollups.setInt(3, today);
        try (ResultSet rs = rollups.executeQuery()) {
            while (rs.next()) {
                rows.add(new RollupRow(rs.getInt(1), rs.getString(2), rs.getString(3).charAt(0), rs.getString(4), rs.getString(5), rs.getLong(6)));
            }
        }
        return new DomainFacts(domain, today, rows);
    }

    /** The facts with the domain's newest live check taken at or before {@code at} (so a dry run in the past sees what was known then). */
    static DomainFacts withLiveCheck(Connection c, DomainFacts facts, Instant at) throws SQLException {
        return CheckStore.latestAt(c, facts.domain(), at)
                .map(s -> new DomainFacts(facts.domain(), facts.today(), facts.rows(), s.check(), facts.mtaSts())).orElse(facts);
    }

    /** The facts with the domain's MTA-STS readiness, enforced failures and stale reporters at {@code at}. */
    static DomainFacts withMtaSts(Connection c, DomainFacts facts, Instant at, MtaStsSource mtaSts) throws SQLException {
        return new DomainFacts(facts.domain(), facts.today(), facts.rows(), facts.liveCheck(), mtaSts.at(c, facts.domain(), at));
    }

    static HubFacts hub(Connection c, Instant at, RuleParams intake) throws SQLException {
        List<HubFacts.Quarantined> quarantined = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FactsSql.PARSE_QUARANTINES)) {
            ps.setLong(1, at.minus(Duration.ofHours(intake.whole("quarantined-hours"))).toEpochMilli());
            ps.setLong(2, at.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) quarantined.add(new HubFacts.Quarantined(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
            }
        }
        List<HubFacts.FailingReceiver> receivers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FactsSql.FAILING_RECEIVERS)) {
            ps.setLong(1, at.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    receivers.add(new HubFacts.FailingReceiver(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
        }
        return new HubFacts(at, quarantined, receivers);
    }

    /** Ids of the newest reports behind a signal: about its domain, starting in its window, from its reporter when it has one. */
    static List<Long> reportIds(PreparedStatement ps, Signal s) throws SQLException {
        String reporter = s.reporter() == null ? "" : s.reporter();
        ps.setString(1, s.domain());
        ps.setLong(2, s.fromDay() * 86_400_000L);
        ps.setLong(3, s.toDay() * 86_400_000L);
        ps.setString(4, reporter);
        ps.setString(5, reporter);
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) ids.add(rs.getLong(1));
        }
        return ids;
    }
}
