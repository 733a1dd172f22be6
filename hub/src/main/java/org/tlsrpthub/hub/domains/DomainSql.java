package org.tlsrpthub.hub.domains;

/** The SQL of served domains and their setting. */
final class DomainSql {
    private DomainSql() {}

    static final String ADD = "INSERT INTO served_domain (domain, added_at) VALUES (?, ?) ON CONFLICT (domain) DO NOTHING";
    static final String REMOVE = "DELETE FROM served_domain WHERE domain = ?";
    static final String LIST = "SELECT domain FROM served_domain ORDER BY domain";
    static final String GET_SETTING = "SELECT value FROM setting WHERE name = ?";
    static final String PUT_SETTING = """
            INSERT INTO setting (name, value) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value""";
    static final String OTHER_DOMAINS = "other-domains";
}
