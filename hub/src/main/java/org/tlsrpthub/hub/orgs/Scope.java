package org.tlsrpthub.hub.orgs;

import java.util.Objects;

/**
 * Who is asking, and what they may see: the domains of one organisation, with one role there.
 * Every read and every action of the service layer takes a scope, so that the web pages, the API
 * and the CLI filter the same way. The CLI on the hub's own machine runs as {@link #wholeHub()}.
 *
 * @param user     the signed-in user or the token's user; null for the CLI and background jobs
 * @param org      the organisation's slug; null only for {@link #wholeHub()}
 * @param role     the role in {@code org} (for a token: at most the token's role)
 * @param hubAdmin manages organisations and sees unassigned domains
 */
public record Scope(String user, String org, Role role, boolean hubAdmin) {
    public Scope {
        Objects.requireNonNull(role, "role");
        if (org == null && !hubAdmin) throw new IllegalArgumentException("only the whole-hub scope has no organisation");
    }

    /** Every organisation's and every unassigned domain: the local CLI, migrations, background jobs. */
    public static Scope wholeHub() {
        return new Scope(null, null, Role.ADMIN, true);
    }

    /** True when this scope is not limited to one organisation. */
    public boolean isWholeHub() {
        return org == null;
    }

    public boolean may(Role needed) {
        return role.atLeast(needed);
    }
}
