package org.tlsrpthub.hub.alerts;

import org.tlsrpthub.hub.store.Quarantine;

/** The reads of the evaluation besides the policy rollups (readiness/PolicyData): domains, quarantines, receivers, evidence reports. */
final class FactsSql {
    private FactsSql() {}

    /** The domains to evaluate: those with reports and those with a stored live check (served, perhaps never reported on). */
    static final String DOMAINS = "SELECT policy_domain FROM rollup_domain_total WHERE policy_domain <> ''"
            + " UNION SELECT domain FROM check_latest ORDER BY 1";

    /** Inputs that did not parse: not reports for other domains, held-back contenders, DKIM holds or expiring junk. */
    static final String PARSE_QUARANTINES = "SELECT raw_input_id, kind, quarantined_at FROM quarantine"
            + " WHERE quarantined_at >= ? AND quarantined_at < ? AND expires_at IS NULL AND kind NOT IN ('" + Quarantine.OTHER_DOMAIN + "', '" + Quarantine.DKIM + "', '" + Quarantine.CONFLICT + "')"
            + " ORDER BY quarantined_at DESC, raw_input_id DESC";

    static final String FAILING_RECEIVERS = "SELECT node, receiver, failing_since, last_error FROM receiver_failure"
            + " WHERE failing_since <= ? ORDER BY node, receiver";

    /**
     * The newest reports about the domain whose range starts in the window (optionally one reporter's):
     * ordered by the policy's report id, so that the (policy_domain, report_id) index is walked from the
     * newest and stops at the 20th, rather than every report of the domain's history read and sorted.
     */
    static final String EVIDENCE_REPORTS = "SELECT DISTINCT p.report_id FROM policy p JOIN report r ON r.id = p.report_id"
            + " WHERE p.policy_domain = ? AND r.range_start >= ? AND r.range_start < ? AND (? = '' OR r.reporter_key = ?)"
            + " ORDER BY p.report_id DESC LIMIT 20";
}
