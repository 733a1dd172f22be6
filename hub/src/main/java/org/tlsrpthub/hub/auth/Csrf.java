package org.tlsrpthub.hub.auth;

import io.javalin.http.Context;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;

/**
 * Synchroniser tokens: every form carries the session's token in {@code _csrf} (scripts may send
 * {@code X-CSRF-Token}); another site can make the browser send the cookie, but cannot read the token.
 */
public final class Csrf {
    public static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private Csrf() {}

    static boolean matches(Context ctx, String expected) {
        String sent = ctx.header(HEADER);
        if (sent == null) sent = formField(ctx);
        return Secrets.sameText(sent, expected);
    }

    private static String formField(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return null;
        // multipart bodies (uploads) are read by Jetty lazily; formParam covers both encodings
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return ctx.formParam(FIELD);
        }
        return null;
    }

    static ProblemException rejected() {
        return new ProblemException(Problem.of(403, "csrf", "Forbidden",
                "the form's security token is missing or wrong; reload the page and try again"));
    }
}
