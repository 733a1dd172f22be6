package org.tlsrpthub.hub.web;

import io.javalin.http.Context;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.auth.Session;

/**
 * What the layout needs on every page: the title, the signed-in user (null on the sign-in and setup
 * pages), the form token and which navigation entry is current.
 */
public record PageInfo(String title, String user, String csrf, String active) {

    public static PageInfo of(Context ctx, String title, String active) {
        Session s = AccessFilter.session(ctx);
        return new PageInfo(title, s == null ? null : s.user(), s == null ? "" : s.csrfToken(), active);
    }

    /** A page outside a session (sign-in, setup) whose form carries the pre-session token. */
    public static PageInfo anonymous(String title, String csrf) {
        return new PageInfo(title, null, csrf, "");
    }

    public boolean is(String entry) {
        return entry.equals(active);
    }
}
