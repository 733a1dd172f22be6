package org.tlsrpthub.hub.hosting;

/** The SQL of hosted MTA-STS policies (migration V64). */
final class HostingSql {
    private HostingSql() {}

    private static final String COLUMNS = "domain, version, policy_id, mode, mx, max_age, action, reason, verdict, actor, created_at, serve_until";

    static final String INSERT = "INSERT INTO hosted_policy_version (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String NEXT_VERSION = "SELECT COALESCE(MAX(version), 0) + 1 FROM hosted_policy_version WHERE domain = ?";
    static final String NEWEST = "SELECT " + COLUMNS + " FROM hosted_policy_version WHERE domain = ? ORDER BY version DESC LIMIT 1";
    static final String NEWEST_AT = """
            SELECT %s FROM hosted_policy_version WHERE domain = ? AND created_at <= ? ORDER BY version DESC LIMIT 1""".formatted(COLUMNS);
    static final String HISTORY = "SELECT " + COLUMNS + " FROM hosted_policy_version WHERE domain = ? ORDER BY version DESC";
    static final String DOMAINS = "SELECT DISTINCT domain FROM hosted_policy_version ORDER BY domain";

    /** The domains of an {@link org.tlsrpthub.hub.store.InList} with any hosted version. */
    static String hostedAmong(int slots) {
        return "SELECT DISTINCT domain FROM hosted_policy_version WHERE domain IN (" + org.tlsrpthub.hub.store.InList.placeholders(slots) + ")";
    }

    /** Whether the hub knows the domain: served, or named in a stored report. */
    static final String KNOWN = """
            SELECT 1 FROM served_domain WHERE domain = ? UNION ALL SELECT 1 FROM rollup_domain_total WHERE policy_domain = ?""";
    /** Any served domain: with none configured, the hub serves every domain it hears of (as ingest does). */
    static final String ANY_SERVED = "SELECT 1 FROM served_domain LIMIT 1";
    static final String SERVED = "SELECT 1 FROM served_domain WHERE domain = ?";
    static final String ORG_OF = "SELECT org FROM domain_org WHERE domain = ?";
}
