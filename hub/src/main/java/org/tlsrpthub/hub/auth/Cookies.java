package org.tlsrpthub.hub.auth;

import io.javalin.http.Context;

/** Sets the hub's cookies: HttpOnly, SameSite=Lax, path /, and Secure whenever the browser came over HTTPS. */
public final class Cookies {
    private Cookies() {}

    public static void set(Context ctx, String name, String value, long maxAgeSeconds) {
        StringBuilder c = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; Max-Age=").append(maxAgeSeconds).append("; HttpOnly; SameSite=Lax");
        if (overHttps(ctx)) c.append("; Secure");
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    public static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }

    /**
     * X-Forwarded-Proto is believed without checking the proxy: it can only make the cookie
     * stricter (Secure), never weaker, so a forged header gains an attacker nothing.
     */
    static boolean overHttps(Context ctx) {
        return ctx.req().isSecure() || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
