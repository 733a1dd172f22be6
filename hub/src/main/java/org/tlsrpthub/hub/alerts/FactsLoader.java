package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.StoredCheck;
import org.tlsrpthub.hub.hosting.HostedPolicyStore;
import org.tlsrpthub.hub.readiness.KnownSources;
import org.tlsrpthub.hub.readiness.PolicyCellsCache;
import org.tlsrpthub.hub.readiness.PolicyData;

/**
 * Reads what the rules need, a chunk of domains at a time through the policy rollups' primary key,
 * so that memory holds one chunk's few weeks of cells, and the bounded cells cache, whatever the
 * number of reports or domains.
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

    /**
     * The facts of each domain of {@code chunk} that has cells in the {@code days} complete days before
     * {@code today} (report cells: {@code reportDays}) or a live check taken at or before {@code at}
     * (so that a dry run in the past sees what was known then); a domain with none is left out. The
     * chunk's policy rollups are read once, for the MTA-STS rules and as the other rules' cells, the
     * cells through {@code cells}.
     */
    static List<DomainFacts> load(Connection c, List<String> chunk, int today, int days, int reportDays, Instant at, MtaStsSource mtaSts,
            PolicyCellsCache cells) throws SQLException {
        int from = today - days, reportsFrom = today - reportDays;
        int cellsFrom = Math.min(from, today - mtaSts.windowDays());
        Map<String, PolicyData> policy = PolicyData.readAll(c, chunk, Math.min(reportsFrom, cellsFrom), cellsFrom, today, cells);
        Set<String> checked = CheckStore.checkedAmong(c, chunk);
        Set<String> hosted = HostedPolicyStore.hostedAmong(c, chunk);
        List<DomainFacts> out = new ArrayList<>();
        for (String domain : chunk) {
            PolicyData data = policy.get(domain);
            List<RollupRow> rows = new ArrayList<>();
            for (PolicyData.Cell cell : data.cells()) {
                if (cell.day() >= from || cell.day() >= reportsFrom && cell.kind().equals("R")) rows.add(RollupRow.of(cell));
            }
            DomainCheck check = checked.contains(domain) ? CheckStore.latestAt(c, domain, at).map(StoredCheck::check).orElse(null) : null;
            if (rows.isEmpty() && check == null) continue;
            out.add(new DomainFacts(domain, today, rows, check, mtaSts.at(c, domain, at, data, new KnownSources(check, hosted.contains(domain)))));
        }
        return out;
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
