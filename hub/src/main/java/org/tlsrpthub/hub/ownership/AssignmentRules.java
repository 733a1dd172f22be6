package org.tlsrpthub.hub.ownership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation a rule set gives a domain: its exact rule, else the longest matching
 * {@code *.suffix}, else {@code *}; none matching leaves the domain unassigned.
 */
final class AssignmentRules {
    private final Map<String, DomainRule> exact = new HashMap<>();
    /** Keyed by the suffix with its leading dot (".example.com"). */
    private final Map<String, DomainRule> suffixes = new HashMap<>();
    private DomainRule everyDomain;

    AssignmentRules(List<DomainRule> rules) {
        for (DomainRule r : rules) {
            if (r.pattern().equals(DomainRule.EVERY_DOMAIN)) everyDomain = r;
            else if (r.pattern().startsWith(DomainRule.SUBDOMAINS)) suffixes.put(r.pattern().substring(1), r);
            else exact.put(r.pattern(), r);
        }
    }

    static List<DomainRule> read(Connection c) throws SQLException {
        List<DomainRule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(OwnershipSql.RULES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new DomainRule(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
        }
        return out;
    }

    /** The rule that decides for {@code domain} (normalised), or null when none matches. */
    DomainRule match(String domain) {
        DomainRule rule = exact.get(domain);
        if (rule != null) return rule;
        // walking from the longest suffix to the shortest finds the longest matching rule first
        for (int dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
            rule = suffixes.get(domain.substring(dot));
            if (rule != null) return rule;
        }
        return everyDomain;
    }

    /** The organisation for {@code domain}, or null when no rule matches. */
    String orgFor(String domain) {
        DomainRule rule = match(domain);
        return rule == null ? null : rule.org();
    }
}
