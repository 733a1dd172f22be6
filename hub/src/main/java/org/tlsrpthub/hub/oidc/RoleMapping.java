package org.tlsrpthub.hub.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.orgs.Role;

/**
 * Which claim value gives which role in which organisation ({@code oidc.role-mapping}), e.g.
 * {@code tlsrpt-acme-admins=acme:admin, tlsrpt-staff=default:viewer}. A person with several matching
 * values gets, in each organisation, the highest role any of them gives.
 */
public record RoleMapping(List<Rule> rules) {
    private static final Pattern ORG = Pattern.compile("[a-z0-9-]{1,40}");

    /** One {@code value=org:role} entry. */
    public record Rule(String claimValue, String org, Role role) {
        @Override
        public String toString() {
            return claimValue + "=" + org + ":" + role.text();
        }
    }

    /** Parses the setting; the error names the entry that is wrong and what it should look like. */
    public static RoleMapping parse(String setting) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) continue;
            int eq = e.lastIndexOf('=');
            int colon = e.lastIndexOf(':');
            if (eq <= 0 || colon < eq) throw wrong(e, "is not value=organisation:role");
            String org = e.substring(eq + 1, colon).trim();
            if (!ORG.matcher(org).matches()) throw wrong(e, "names the organisation '" + org + "', which is not 1 to 40 of a-z, 0-9 and '-'");
            Role role;
            try {
                role = Role.of(e.substring(colon + 1));
            } catch (IllegalArgumentException x) {
                throw wrong(e, x.getMessage());
            }
            rules.add(new Rule(e.substring(0, eq).trim(), org, role));
        }
        if (rules.isEmpty()) throw new SettingsException("oidc.role-mapping has no entry; write value=organisation:role, e.g. tlsrpt-acme-admins=acme:admin");
        return new RoleMapping(List.copyOf(rules));
    }

    private static SettingsException wrong(String entry, String why) {
        return new SettingsException("oidc.role-mapping entry '" + entry + "' " + why
                + " (e.g. tlsrpt-acme-admins=acme:admin; roles: viewer, analyst, admin)");
    }

    /** The organisations and roles {@code claimValues} give; empty when none matches. */
    public Map<String, Role> rolesFor(Collection<String> claimValues) {
        Map<String, Role> out = new TreeMap<>();
        for (Rule r : rules) {
            if (claimValues.contains(r.claimValue())) out.merge(r.org(), r.role(), (a, b) -> a.atLeast(b) ? a : b);
        }
        return out;
    }

    @Override
    public String toString() {
        return String.join(", ", rules.stream().map(Rule::toString).toList());
    }
}
