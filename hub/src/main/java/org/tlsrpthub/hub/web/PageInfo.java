package org.tlsrpthub.hub.web;

import io.javalin.http.Context;
import java.util.List;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.auth.Session;
import org.tlsrpthub.hub.orgs.Member;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/**
 * What the layout needs on every page: the title, the signed-in user (null on the sign-in and setup
 * pages), the form token, which navigation entry is current, and the organisation the user looks
 * at with the others they may switch to.
 */
public record PageInfo(String title, String user, String csrf, String active, Scope scope, List<Member> orgs) {

    public static PageInfo of(Context ctx, String title, String active) {
        Session s = AccessFilter.session(ctx);
        return new PageInfo(title, s == null ? null : s.user(), s == null ? "" : s.csrfToken(), active,
                AccessFilter.scope(ctx), AccessFilter.orgChoices(ctx));
    }

    /** A page outside a session (sign-in, setup) whose form carries the pre-session token. */
    public static PageInfo anonymous(String title, String csrf) {
        return new PageInfo(title, null, csrf, "", null, List.of());
    }

    public boolean is(String entry) {
        return entry.equals(active);
    }

    /** The organisation looked at, or null for a user in none. */
    public String org() {
        return scope == null ? null : scope.org();
    }

    /** An admin of the organisation looked at: admin-only entries (members, jobs, the audit log) are shown only then. */
    public boolean admin() {
        return scope != null && scope.may(Role.ADMIN);
    }

    public boolean hubAdmin() {
        return scope != null && scope.hubAdmin();
    }
}
