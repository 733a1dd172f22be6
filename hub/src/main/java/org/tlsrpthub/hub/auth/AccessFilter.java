package org.tlsrpthub.hub.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/**
 * The one gate in front of the dashboard, the API and the metrics. Open are only the report endpoint
 * (RFC 8460 §5.4: senders cannot authenticate), health checks, sign-in, first-run setup and static
 * assets. A request passes with a valid API token ({@code Authorization: Bearer …}) or a session
 * cookie; a state-changing request with a cookie must also carry the session's CSRF token.
 */
public final class AccessFilter {
    public static final String SESSION_COOKIE = "tlsrpt_session";
    private static final String SESSION = "tlsrpt.session";
    private static final String TOKEN_USER = "tlsrpt.token-user";
    private static final String TOKEN_ID = "tlsrpt.token-id";
    private static final String SCOPE = "tlsrpt.scope";
    // "/oidc/sign-in" and "/oidc/callback": the two steps of single sign-on, before a session exists
    private static final Set<String> OPEN = Set.of("/healthz", "/readyz", "/login", "/setup", "/favicon.ico", "/oidc/sign-in", "/oidc/callback");

    private final AccessService access;
    private final String reportPath;

    public AccessFilter(AccessService access, String reportPath) {
        this.access = access;
        this.reportPath = reportPath;
    }

    public void register(Javalin app) {
        app.before(this::check);
    }

    /** The signed-in browser session of this request, or null (token or open requests). */
    public static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** Who made this request: the session's or the token's user, or null. */
    public static String user(Context ctx) {
        Session s = session(ctx);
        return s != null ? s.user() : ctx.attribute(TOKEN_USER);
    }

    /** The public id of the API token this request came with, or null (session or open requests). */
    public static String tokenId(Context ctx) {
        return ctx.attribute(TOKEN_ID);
    }

    /** What this request may see and do; null for open paths. */
    public static Scope scope(Context ctx) {
        return ctx.attribute(SCOPE);
    }

    /**
     * Interim, until organisation management resolves the scope (the session's chosen organisation,
     * the token's organisation and role): a user in an organisation acts there with their role there;
     * a hub admin sees the whole hub. A user in no organisation keeps what every user had before
     * organisations: everything.
     */
    private Scope scopeOf(String user) throws SQLException {
        boolean admin = access.isAdmin(user);
        Optional<AccessService.Membership> m = access.firstMembership(user);
        if (m.isEmpty()) return new Scope(user, "default", admin ? Role.ADMIN : Role.ANALYST, true);
        return new Scope(user, m.get().org(), m.get().role(), admin);
    }

    boolean isOpen(String path) {
        // Javalin routes "/tlsrpt/" to the report endpoint too, so the gate must let it through as well
        return path.equals(reportPath) || path.equals(reportPath + "/") || OPEN.contains(path) || path.startsWith("/static/") || path.startsWith("/webjars/");
    }

    private void check(Context ctx) throws SQLException {
        String path = ctx.path();
        if (isOpen(path)) return;
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            Optional<AccessService.TokenHolder> token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? access.token(authorization.substring(7).trim()) : Optional.empty();
            if (token.isEmpty()) throw unauthorized(ctx, "the API token is unknown or revoked");
            // No CSRF check: browsers never attach this header on their own, so a forged request cannot carry it.
            ctx.attribute(TOKEN_USER, token.get().user());
            ctx.attribute(TOKEN_ID, token.get().id());
            ctx.attribute(SCOPE, scopeOf(token.get().user()));
            return;
        }
        Optional<Session> session = access.session(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            if (isMachinePath(path)) throw unauthorized(ctx, "send an API token: Authorization: Bearer …");
            String target = access.hasUsers() ? "/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8) : "/setup";
            ctx.redirect(target);
            ctx.skipRemainingHandlers();
            return;
        }
        if (changesState(ctx.method()) && !Csrf.matches(ctx, session.get().csrfToken())) {
            throw Csrf.rejected();
        }
        ctx.attribute(SESSION, session.get());
        ctx.attribute(SCOPE, scopeOf(session.get().user()));
    }

    private static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics");
    }

    static boolean changesState(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    private static ProblemException unauthorized(Context ctx, String detail) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"tlsrpt-hub\"");
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }
}
