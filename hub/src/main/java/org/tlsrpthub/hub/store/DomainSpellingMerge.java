package org.tlsrpthub.hub.store;

import static org.tlsrpthub.hub.store.DomainSpellingMergeSql.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.tlsrpthub.core.syntax.DomainNames;

/**
 * Migration V31, both dialects: one name per domain in a store written before the parser
 * normalised policy domains. Every spelling ({@code Example.COM.}, a U-label) is renamed to
 * {@link DomainNames#normalise its one form} in the policy rows, and its rollup cells are added to
 * that form's (summed where both have the cell), so counts stay whole and no report is dropped.
 * Java rather than SQL because SQL cannot turn a U-label into an A-label.
 */
final class DomainSpellingMerge implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("31");
    }

    @Override
    public String getDescription() {
        return "one name per domain";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        merge(context.getConnection());
    }

    /** Merges every spelling in the transaction open on {@code c}; returns how many spellings there were. */
    static int merge(Connection c) throws SQLException {
        Map<String, String> spellings = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(ROLLUP_DOMAINS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) addIfSpelling(spellings, rs.getString(1));
        }
        List<OverCount> overCounted = renamePolicies(c, spellings);
        if (spellings.isEmpty()) return 0;
        for (Map.Entry<String, String> e : spellings.entrySet()) {
            for (int i = 0; i < MERGES.length; i++) {
                try (PreparedStatement merge = c.prepareStatement(MERGES[i]);
                        PreparedStatement delete = c.prepareStatement(deleteSpelling(DOMAIN_COLUMNS[i]))) {
                    merge.setString(1, e.getValue());
                    merge.setString(2, e.getKey());
                    merge.executeUpdate();
                    delete.setString(1, e.getKey());
                    delete.executeUpdate();
                }
            }
        }
        boolean policyRollups = exists(c, POLICY_ROLLUPS_EXIST);
        if (policyRollups) mergePolicyRollups(c, spellings);
        if (exists(c, POLICY_SPANS_EXIST)) rebuildPolicySpans(c, spellings);
        uncount(c, overCounted, policyRollups);
        if (exists(c, POLICY_REVISIONS_EXIST)) bumpPolicyRevisions(c, spellings);
        return spellings.size();
    }

    /** Every day of each spelling and each one form (the over-counted ones among them) has new cells. */
    private static void bumpPolicyRevisions(Connection c, Map<String, String> spellings) throws SQLException {
        try (PreparedStatement bump = c.prepareStatement(BUMP_POLICY_REVISIONS); PreparedStatement add = c.prepareStatement(ADD_POLICY_REVISIONS)) {
            for (String domain : spellingsAndOneForms(spellings)) {
                bump.setString(1, domain);
                bump.executeUpdate();
                add.setString(1, domain);
                add.executeUpdate();
            }
        }
    }

    /** Every domain a merge touches: each spelling and each one form, in order. */
    private static Set<String> spellingsAndOneForms(Map<String, String> spellings) {
        Set<String> domains = new TreeSet<>(spellings.keySet());
        domains.addAll(spellings.values());
        return domains;
    }

    /** Whether a later migration's table is there already: {@code probe} selects nothing from it. */
    private static boolean exists(Connection c, String probe) throws SQLException {
        // asked in a savepoint: on PostgreSQL a failed statement would abort the migration's transaction
        java.sql.Savepoint sp = c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement(probe)) {
            ps.executeQuery().close();
            c.releaseSavepoint(sp);
            return true;
        } catch (SQLException e) {
            c.rollback(sp);
            return false;
        }
    }

    private static void mergePolicyRollups(Connection c, Map<String, String> spellings) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement(MERGE_POLICY_DAILY); PreparedStatement delete = c.prepareStatement(DELETE_POLICY_DAILY)) {
            for (Map.Entry<String, String> e : spellings.entrySet()) {
                merge.setString(1, e.getValue());
                merge.setString(2, e.getKey());
                merge.executeUpdate();
                delete.setString(1, e.getKey());
                delete.executeUpdate();
            }
        }
    }

    /** The spans (V68) of each merged domain, read again from its merged report cells; the spellings' go. */
    private static void rebuildPolicySpans(Connection c, Map<String, String> spellings) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(DELETE_POLICY_SPANS); PreparedStatement insert = c.prepareStatement(POLICY_SPANS_OF_DOMAIN)) {
            for (String domain : spellingsAndOneForms(spellings)) {
                delete.setString(1, domain);
                delete.executeUpdate();
            }
            for (String domain : new TreeSet<>(spellings.values())) {
                insert.setString(1, domain);
                insert.executeUpdate();
            }
        }
    }

    private static void addIfSpelling(Map<String, String> spellings, String domain) {
        if (domain == null) return;
        String one = DomainNames.normalise(domain);
        if (!one.equals(domain)) spellings.put(domain, one);
    }

    /** A report that named {@code domain} in {@code extra} + 1 spellings, so counted as that many reports about it. */
    private record OverCount(long reportId, String domain, int extra) {}

    /** Renames the policy rows in one pass over them, and finds the reports that used several spellings of a domain. */
    private static List<OverCount> renamePolicies(Connection c, Map<String, String> spellings) throws SQLException {
        List<OverCount> overCounted = new ArrayList<>();
        try (PreparedStatement scan = c.prepareStatement(POLICIES);
                PreparedStatement rename = c.prepareStatement(RENAME_POLICY);
                ResultSet rs = scan.executeQuery()) {
            long report = -1;
            Map<String, Set<String>> sentByDomain = new HashMap<>();
            boolean any = false;
            while (rs.next()) {
                long policyId = rs.getLong(1), reportId = rs.getLong(2);
                String sent = rs.getString(3);
                if (reportId != report) {
                    addOverCounts(overCounted, report, sentByDomain);
                    report = reportId;
                    sentByDomain.clear();
                }
                String one = DomainNames.normalise(sent);
                sentByDomain.computeIfAbsent(one, k -> new HashSet<>()).add(sent);
                if (!one.equals(sent)) {
                    spellings.put(sent, one);
                    rename.setString(1, one);
                    rename.setLong(2, policyId);
                    rename.addBatch();
                    any = true;
                }
            }
            addOverCounts(overCounted, report, sentByDomain);
            if (any) rename.executeBatch();
        }
        return overCounted;
    }

    private static void addOverCounts(List<OverCount> out, long report, Map<String, Set<String>> sentByDomain) {
        sentByDomain.forEach((one, sent) -> {
            if (sent.size() > 1) out.add(new OverCount(report, one, sent.size() - 1));
        });
    }

    /** Takes the extra counts of reports that used several spellings out of the merged cells. */
    private static void uncount(Connection c, List<OverCount> overCounted, boolean policyRollups) throws SQLException {
        if (overCounted.isEmpty()) return;
        try (PreparedStatement report = c.prepareStatement(REPORT_DAY_AND_REPORTER);
                PreparedStatement daily = c.prepareStatement(UNCOUNT_ROLLUP_DAILY);
                PreparedStatement domainDay = c.prepareStatement(UNCOUNT_DOMAIN_DAILY);
                PreparedStatement domainMonth = c.prepareStatement(UNCOUNT_DOMAIN_MONTHLY);
                PreparedStatement total = c.prepareStatement(UNCOUNT_DOMAIN_TOTAL)) {
            for (OverCount o : overCounted) {
                report.setLong(1, o.reportId());
                long rangeStart;
                String reporter;
                try (ResultSet rs = report.executeQuery()) {
                    if (!rs.next()) continue; // a policy without its report: counted nowhere
                    rangeStart = rs.getLong(1);
                    reporter = rs.getString(2);
                }
                // the day the rollups count a report on (Rollups): the UTC day its range starts
                LocalDate date = Instant.ofEpochMilli(rangeStart).atZone(ZoneOffset.UTC).toLocalDate();
                int day = (int) date.toEpochDay(), month = (int) date.withDayOfMonth(1).toEpochDay();
                daily.setInt(1, o.extra());
                daily.setString(2, o.domain());
                daily.setInt(3, day);
                daily.setString(4, reporter);
                daily.executeUpdate();
                domainDay.setInt(1, o.extra());
                domainDay.setString(2, o.domain());
                domainDay.setInt(3, day);
                domainDay.executeUpdate();
                domainMonth.setInt(1, o.extra());
                domainMonth.setString(2, o.domain());
                domainMonth.setInt(3, month);
                domainMonth.executeUpdate();
                total.setInt(1, o.extra());
                total.setString(2, o.domain());
                total.executeUpdate();
                if (policyRollups) {
                    try (PreparedStatement policy = c.prepareStatement(UNCOUNT_POLICY_DAILY)) {
                        policy.setInt(1, o.extra());
                        policy.setString(2, o.domain());
                        policy.setInt(3, day);
                        policy.setString(4, reporter);
                        policy.setInt(5, o.extra());
                        policy.executeUpdate();
                    }
                }
            }
        }
    }
}
