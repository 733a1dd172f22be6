package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.Warning;

/**
 * The rows under a report (policies, failure details, warnings) and the rollup cells, written in
 * the caller's transaction: for new reports, and for stored reports whose contents are replaced
 * (a re-parse, or a DKIM-verified report displacing an unverified one with its key).
 */
final class ReportContents {
    private ReportContents() {}

    /** Which statements got rows, so that empty batches are not sent. */
    static final class Batch {
        boolean policies, details, warnings;
    }

    /** Ids one report's contents take. */
    static int idsFor(ParsedReport pr) {
        int n = pr.warnings().size();
        for (PolicyResult p : pr.report().policies()) n += 1 + p.failureDetails().size();
        return n;
    }

    /** New contents of a stored report: what it is replaced with, and the identity it now has. */
    record Replacement(StoredReport old, ParsedReport fresh, byte[] contentHash, boolean dkimVerified,
            long rawInputId, String reporterKey) {}

    /**
     * Replaces the contents of stored reports: their rows are deleted and written anew, the report
     * row updated (keeping its id, key and sightings), and the rollups corrected by the difference.
     */
    static void replace(Connection c, IdAllocator.Ids ids, List<Replacement> replacements) throws SQLException {
        try (PreparedStatement deleteDetails = c.prepareStatement(StoreSql.DELETE_FAILURE_DETAILS);
                PreparedStatement deletePolicies = c.prepareStatement(StoreSql.DELETE_POLICIES);
                PreparedStatement deleteWarnings = c.prepareStatement(StoreSql.DELETE_WARNINGS)) {
            for (Replacement r : replacements) {
                for (PreparedStatement ps : List.of(deleteDetails, deletePolicies, deleteWarnings)) {
                    ps.setLong(1, r.old().id());
                    ps.addBatch();
                }
            }
            deleteDetails.executeBatch(); // before the policies: SQLite may run without foreign keys (no cascade)
            deletePolicies.executeBatch();
            deleteWarnings.executeBatch();
        }
        Rollups rollups = new Rollups();
        PolicyRollups policyRollups = new PolicyRollups();
        try (PreparedStatement policy = c.prepareStatement(StoreSql.INSERT_POLICY);
                PreparedStatement detail = c.prepareStatement(StoreSql.INSERT_FAILURE_DETAIL);
                PreparedStatement warning = c.prepareStatement(StoreSql.INSERT_WARNING);
                PreparedStatement report = c.prepareStatement(StoreSql.UPDATE_REPORT)) {
            Batch batch = new Batch();
            for (Replacement rep : replacements) {
                Report r = rep.fresh().report();
                StoredReport old = rep.old();
                add(batch, policy, detail, warning, ids, old.id(), rep.fresh());
                report.setString(1, r.organizationName());
                report.setString(2, r.contactInfo());
                report.setLong(3, r.totalSuccessfulSessions());
                report.setLong(4, r.totalFailureSessions());
                report.setBytes(5, rep.contentHash());
                report.setBoolean(6, rep.dkimVerified());
                report.setLong(7, rep.rawInputId());
                report.setLong(8, old.id());
                report.addBatch();
                rollups.replace(old.report(), r, rep.reporterKey(), old.storedAt());
                policyRollups.replace(old.report(), r, rep.reporterKey());
            }
            execute(batch, policy, detail, warning);
            report.executeBatch();
        }
        rollups.upsert(c);
        rollups.deleteEmpty(c);
        policyRollups.upsert(c);
        policyRollups.deleteEmpty(c);
    }

    /** Runs the content batches that got rows. */
    static void execute(Batch batch, PreparedStatement policy, PreparedStatement detail, PreparedStatement warning)
            throws SQLException {
        if (batch.policies) policy.executeBatch();
        if (batch.details) detail.executeBatch();
        if (batch.warnings) warning.executeBatch();
    }

    /** Adds the rows of one report's contents to the batches. */
    static void add(Batch batch, PreparedStatement policy, PreparedStatement detail,
            PreparedStatement warning, IdAllocator.Ids ids, long reportId, ParsedReport pr) throws SQLException {
        int position = 0;
        for (PolicyResult p : pr.report().policies()) {
            long policyId = ids.next();
            policy.setLong(1, policyId);
            policy.setLong(2, reportId);
            policy.setInt(3, position++);
            policy.setString(4, p.policy().type().value());
            policy.setString(5, p.policy().domain());
            policy.setString(6, String.join("\n", p.policy().policyStrings()));
            policy.setString(7, String.join("\n", p.policy().mxHosts()));
            policy.setLong(8, p.summary().totalSuccessfulSessionCount());
            policy.setLong(9, p.summary().totalFailureSessionCount());
            policy.addBatch();
            batch.policies = true;
            for (FailureDetail d : p.failureDetails()) {
                detail.setLong(1, ids.next());
                detail.setLong(2, policyId);
                detail.setLong(3, reportId);
                detail.setString(4, d.resultType().value());
                detail.setString(5, d.sendingMtaIp());
                detail.setString(6, d.receivingMxHostname());
                detail.setString(7, d.receivingMxHelo());
                detail.setString(8, d.receivingIp());
                detail.setLong(9, d.failedSessionCount());
                detail.setString(10, d.additionalInformation());
                detail.setString(11, d.failureReasonCode());
                detail.addBatch();
                batch.details = true;
            }
        }
        for (Warning w : pr.warnings()) {
            warning.setLong(1, ids.next());
            warning.setLong(2, reportId);
            warning.setString(3, w.code().id());
            warning.setString(4, w.where());
            warning.setString(5, w.message());
            warning.addBatch();
            batch.warnings = true;
        }
    }
}
