package org.tlsrpthub.hub.analysis;

import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.orgs.ScopeSql;

/**
 * The SQL of the quarantine views. The raw bytes and provenance live in raw_input.
 *
 * <p>A scope limited to one organisation sees an entry only when it is tied to a stored report all
 * of whose policies are the organisation's: a CONFLICT contender of such a report. Every other entry
 * (parse errors, DKIM holds, OTHER_DOMAIN inputs, whose domains are not recorded apart from the
 * message) is the hub admins': its bytes may be about anyone's domains.
 */
final class QuarantineSql {
    private QuarantineSql() {}

    /** Limits {@code q} to the organisation's entries; one parameter, its slug. */
    private static final String OWN = """
            q.raw_input_id IN (
                SELECT k.raw_input_id FROM report_contender k
                WHERE EXISTS (SELECT 1 FROM policy p WHERE p.report_id = k.report_id)
                  AND NOT EXISTS (SELECT 1 FROM policy p WHERE p.report_id = k.report_id
                                  AND (p.policy_domain IS NULL OR p.policy_domain NOT IN (%s))))"""
            .formatted(ScopeSql.ORG_DOMAINS);

    private static String where(Scope scope, String condition) {
        String own = ScopeSql.seesAll(scope) ? null : OWN;
        if (condition == null) return own == null ? "" : "WHERE " + own;
        return "WHERE " + condition + (own == null ? "" : " AND " + own);
    }

    static String count(Scope scope) {
        return "SELECT COUNT(*) FROM quarantine q " + where(scope, null);
    }

    static String page(Scope scope) {
        return """
                SELECT q.raw_input_id, q.kind, q.reason, q.message, q.quarantined_at,
                       i.channel, i.received_at, i.origin, i.message_id, i.dkim_result, i.size_bytes, i.sha256, q.expires_at
                FROM quarantine q JOIN raw_input i ON i.id = q.raw_input_id
                %s
                ORDER BY q.quarantined_at DESC, q.raw_input_id DESC
                LIMIT ? OFFSET ?""".formatted(where(scope, null));
    }

    /** Parameters: the id, then the organisation when the scope is limited. */
    static String one(Scope scope) {
        return """
                SELECT q.raw_input_id, q.kind, q.reason, q.message, q.quarantined_at,
                       i.channel, i.received_at, i.origin, i.message_id, i.dkim_result, i.size_bytes, i.sha256, q.expires_at,
                       i.content_gzip
                FROM quarantine q JOIN raw_input i ON i.id = q.raw_input_id
                %s""".formatted(where(scope, "q.raw_input_id = ?"));
    }

    /** Whether the scope sees the entry; parameters as {@link #one}. */
    static String visible(Scope scope) {
        return "SELECT 1 FROM quarantine q " + where(scope, "q.raw_input_id = ?");
    }
}
