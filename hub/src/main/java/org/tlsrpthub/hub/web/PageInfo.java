package org.tlsrpthub.hub.web;

import io.javalin.http.Context;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.auth.Session;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/**
 * What the layout needs on every page: the title, the signed-in user (null on the sign-in and setup
 * pages), the form token, which navigation entry is current, and whether the user is an admin of
 * the organisation they look at (admin-only entries such as the audit log are shown only then).
 */
public record PageInfo(String title, String user, String csrf, String active, boolean admin) {

    public static PageInfo of(Context ctx, String title, String active) {
        Session s = AccessFilter.session(ctx);
        Scope scope = AccessFilter.scope(ctx);
        return new PageInfo(title, s == null ? null : s.user(), s == null ? "" : s.csrfToken(), active,
                scope != null && scope.may(Role.ADMIN));
    }

    /** A page outside a session (sign-in, setup) whose form carries the pre-session token. */
    public static PageInfo anonymous(String title, String csrf) {
        return new PageInfo(title, null, csrf, "", false);
    }

    public boolean is(String entry) {
        return entry.equals(active);
    }
}
