package org.tlsrpthub.hub.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.orgs.Member;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.web.PageException;

/**
 * The one gate in front of every route. Each matched route's rule comes from {@link RouteRules};
 * open are only the report endpoint (RFC 8460 §5.4: senders cannot authenticate), health checks,
 * sign-in and first-run setup (static assets are not routes). Everything else needs a valid API
 * token ({@code Authorization: Bearer …}) or a session cookie, and then the rule's role in the
 * organisation the request looks at; a state-changing request with a cookie must also carry the
 * session's CSRF token.
 */
public final class AccessFilter {
    private static final Logger log = LoggerFactory.getLogger(AccessFilter.class);
    public static final String SESSION_COOKIE = "tlsrpt_session";
    private static final String SESSION = "tlsrpt.session";
    private static final String USER = "tlsrpt.user";
    private static final String TOKEN_ID = "tlsrpt.token-id";
    private static final String SCOPE = "tlsrpt.scope";
    private static final String CHOICES = "tlsrpt.org-choices";

    private final AccessService access;
    private final Scopes scopes;
    private final RouteRules rules;

    public AccessFilter(AccessService access, OrgService orgs, RouteRules rules) {
        this.access = access;
        this.scopes = new Scopes(orgs);
        this.rules = rules;
    }

    public void register(Javalin app) {
        app.beforeMatched(this::check);
    }

    /** The signed-in browser session of this request, or null (token or open requests). */
    public static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** Who made this request: the session's or the token's user, or null. */
    public static String user(Context ctx) {
        return ctx.attribute(USER);
    }

    /** The public id of the API token this request came with, or null (session or open requests). */
    public static String tokenId(Context ctx) {
        return ctx.attribute(TOKEN_ID);
    }

    /** What this request may see and do; null on open routes and for a user in no organisation. */
    public static Scope scope(Context ctx) {
        return ctx.attribute(SCOPE);
    }

    /** The organisations a browser session may switch to (empty for tokens and open routes). */
    public static List<Member> orgChoices(Context ctx) {
        List<Member> c = ctx.attribute(CHOICES);
        return c == null ? List.of() : c;
    }

    private void check(Context ctx) throws SQLException {
        String template = ctx.endpointHandlerPath();
        Optional<RouteRules.Need> need = rules.need(ctx.method(), template);
        if (need.isEmpty()) {
            log.error("event=route-without-rule method={} route=\"{}\" hint=\"add it to RouteRules\"", ctx.method(), template);
            throw new ProblemException(Problem.of(500, "internal-error", "Internal error", "this route has no access rule"));
        }
        if (need.get() == RouteRules.Need.OPEN) return;
        if (!authenticate(ctx)) return;
        authorize(ctx, need.get());
    }

    // False when the request was answered (a redirect to sign in).
    private boolean authenticate(Context ctx) throws SQLException {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            Optional<AccessService.TokenGrant> grant = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? access.token(authorization.substring(7).trim()) : Optional.empty();
            if (grant.isEmpty()) throw unauthorized(ctx, "the API token is unknown or revoked");
            // No CSRF check: browsers never attach this header on their own, so a forged request cannot carry it.
            Scope scope = scopes.forToken(grant.get()).orElseThrow(() -> unauthorized(ctx, "the API token's user '"
                    + grant.get().user() + "' no longer belongs to organisation '" + grant.get().org() + "'"));
            ctx.attribute(USER, grant.get().user());
            ctx.attribute(TOKEN_ID, grant.get().id());
            ctx.attribute(SCOPE, scope);
            return true;
        }
        Optional<Session> session = access.session(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            if (isMachinePath(ctx.path())) throw unauthorized(ctx, "send an API token: Authorization: Bearer …");
            ctx.redirect(access.hasUsers() ? "/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8) : "/setup");
            ctx.skipRemainingHandlers();
            return false;
        }
        if (changesState(ctx.method()) && !Csrf.matches(ctx, session.get().csrfToken())) throw Csrf.rejected();
        Scopes.Standing standing = scopes.forSession(session.get());
        ctx.attribute(SESSION, session.get());
        ctx.attribute(USER, session.get().user());
        ctx.attribute(SCOPE, standing.scope());
        ctx.attribute(CHOICES, standing.choices());
        return true;
    }

    private void authorize(Context ctx, RouteRules.Need need) {
        Scope scope = scope(ctx);
        switch (need) {
            case SIGNED_IN -> { }
            case HUB_ADMIN -> {
                if (scope == null || !scope.hubAdmin()) throw forbidden(ctx, "this needs a hub admin");
            }
            default -> {
                if (scope == null) {
                    throw forbidden(ctx, "you do not belong to any organisation (any more): ask an organisation's admin to add you");
                }
                Role role = Role.valueOf(need.name());
                if (!scope.may(role)) {
                    throw forbidden(ctx, "this needs the " + role.text() + " role in '" + scope.org() + "'; you are " + scope.role().text());
                }
            }
        }
    }

    private static RuntimeException forbidden(Context ctx, String detail) {
        if (isMachinePath(ctx.path())) return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
        return new PageException(403, "Not allowed: " + detail + ".");
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
