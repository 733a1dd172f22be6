package org.tlsrpthub.hub.audit;

import io.javalin.http.Context;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.auth.Session;
import org.tlsrpthub.hub.http.HttpServer;
import org.tlsrpthub.hub.orgs.Scope;

/** The actor behind a web or API request, as the access gate identified it. */
public final class RequestActor {
    private RequestActor() {}

    /**
     * The signed-in user, or the API token by its public id (a token is named, not its user, so that
     * a leaked token's doings can be told apart), working in the request's organisation, from the
     * client's address (X-Forwarded-For only from trusted proxies).
     */
    public static Actor of(Context ctx) {
        String address = HttpServer.clientAddress(ctx);
        Scope scope = AccessFilter.scope(ctx);
        String org = scope == null ? null : scope.org();
        Session session = AccessFilter.session(ctx);
        if (session != null) return Actor.user(session.user(), address, org);
        String token = AccessFilter.tokenId(ctx);
        if (token != null) return Actor.token(token, address, org);
        throw new IllegalStateException("no signed-in user or token on " + ctx.path() + ": an open path cannot act");
    }

    /** Someone not (yet) signed in, at the client's address: the sign-in and setup forms. */
    public static Actor visitor(Context ctx) {
        return Actor.unverified("", HttpServer.clientAddress(ctx));
    }
}
