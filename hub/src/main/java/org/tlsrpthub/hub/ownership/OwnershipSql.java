package org.tlsrpthub.hub.ownership;

/** The SQL of domain owners, assignment rules and domain assignment (migrations V40 and V44). */
final class OwnershipSql {
    private OwnershipSql() {}

    static final String ORG_EXISTS = "SELECT 1 FROM organisation WHERE slug = ?";
    static final String ORGANISATIONS = "SELECT slug FROM organisation ORDER BY slug";
    static final String ORG_OF_DOMAIN = "SELECT org FROM domain_org WHERE domain = ?";
    static final String IS_MEMBER = "SELECT 1 FROM org_member WHERE org = ? AND user_name = ?";

    // --- assignment
    static final String RULES = "SELECT pattern, org, created_at FROM domain_rule ORDER BY pattern";
    static final String ADD_RULE = """
            INSERT INTO domain_rule (pattern, org, created_at) VALUES (?, ?, ?)
            ON CONFLICT (pattern) DO UPDATE SET org = excluded.org, created_at = excluded.created_at""";
    static final String REMOVE_RULE = "DELETE FROM domain_rule WHERE pattern = ?";
    /** A rule or the writer: the first assignment wins, on every node. */
    static final String ASSIGN_IF_NEW = """
            INSERT INTO domain_org (domain, org, assigned_at, assigned_by) VALUES (?, ?, ?, NULL)
            ON CONFLICT (domain) DO NOTHING""";
    /** A hub admin's assignment or move. */
    static final String ASSIGN = """
            INSERT INTO domain_org (domain, org, assigned_at, assigned_by) VALUES (?, ?, ?, ?)
            ON CONFLICT (domain) DO UPDATE SET org = excluded.org, assigned_at = excluded.assigned_at,
                assigned_by = excluded.assigned_by""";
    /** A domain that changes organisation loses its owners: they were the other organisation's people. */
    static final String CLEAR_OWNERS = "DELETE FROM domain_owner WHERE domain = ?";

    /** Domains seen in reports or served, without an organisation: report counts from the all-time rollup. */
    static final String UNASSIGNED = """
            SELECT d.domain, COALESCE(t.reports, 0), t.last_range_end
            FROM (SELECT policy_domain AS domain FROM rollup_domain_total WHERE policy_domain <> ''
                  UNION SELECT domain FROM served_domain) d
            LEFT JOIN rollup_domain_total t ON t.policy_domain = d.domain
            WHERE NOT EXISTS (SELECT 1 FROM domain_org o WHERE o.domain = d.domain)
            ORDER BY d.domain""";
    static final String KNOWN_DOMAIN = """
            SELECT 1 FROM rollup_domain_total WHERE policy_domain = ?
            UNION SELECT 1 FROM served_domain WHERE domain = ?""";

    // --- owners
    /**
     * A domain's owners: groups, and users still in the domain's organisation, with their email.
     * The order is the order they were named in, which is the order alerts try them.
     */
    static final String OWNERS = """
            SELECT o.kind, o.owner, CASE WHEN o.kind = 'user' THEN u.email ELSE o.owner END
            FROM domain_owner o
            JOIN domain_org d ON d.domain = o.domain
            LEFT JOIN app_user u ON o.kind = 'user' AND u.name = o.owner
            WHERE o.domain = ?
              AND (o.kind = 'email' OR EXISTS (SELECT 1 FROM org_member m WHERE m.org = d.org AND m.user_name = o.owner))
            ORDER BY o.added_at, o.kind, o.owner""";
    static final String ADD_OWNER = """
            INSERT INTO domain_owner (domain, kind, owner, added_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (domain, kind, owner) DO NOTHING""";
    static final String REMOVE_OWNER = "DELETE FROM domain_owner WHERE domain = ? AND kind = ? AND owner = ?";
    static final String ALERT_ROUTE = "SELECT alert_route FROM organisation WHERE slug = ?";
    static final String SET_ALERT_ROUTE = "UPDATE organisation SET alert_route = ? WHERE slug = ?";

    /** The domains {@code user} owns (in the organisation {@code org}, or any when null). */
    static final String OWNED_BY = """
            SELECT o.domain FROM domain_owner o
            JOIN domain_org d ON d.domain = o.domain
            JOIN org_member m ON m.org = d.org AND m.user_name = o.owner
            WHERE o.kind = 'user' AND o.owner = ? AND (CAST(? AS TEXT) IS NULL OR d.org = ?)""";
    /** The organisation's (or every organisation's, when null) domains that no one owns. */
    static final String UNOWNED = """
            SELECT d.domain FROM domain_org d
            WHERE (CAST(? AS TEXT) IS NULL OR d.org = ?)
              AND NOT EXISTS (SELECT 1 FROM domain_owner o WHERE o.domain = d.domain AND (o.kind = 'email'
                  OR EXISTS (SELECT 1 FROM org_member m WHERE m.org = d.org AND m.user_name = o.owner)))""";
    /** The domains of the organisation (of every organisation when null). */
    static final String ORG_DOMAINS = "SELECT domain FROM domain_org WHERE (CAST(? AS TEXT) IS NULL OR org = ?) ORDER BY domain";
}
