package org.tlsrpthub.hub.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.http.HttpServer;
import org.tlsrpthub.hub.http.Problem;
import org.tlsrpthub.hub.http.ProblemException;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.web.PageException;
import org.tlsrpthub.hub.web.PageInfo;
import org.tlsrpthub.hub.web.Pages;

/** Sign-in, sign-out, the first-run setup page and the API token page. */
public final class AccessRoutes {
    // "/" then no second "/"; then RFC 3986 path and query characters (percent-escapes included), nothing else.
    private static final Pattern PLAIN_PATH = Pattern.compile("/(?!/)[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?]*");

    /** Before a session exists, login and setup forms are protected by a double-submit token in this cookie. */
    static final String FORM_COOKIE = "tlsrpt_form";

    private final AccessService access;
    private final Pages pages;
    private final LoginThrottle throttle = new LoginThrottle(System::nanoTime);
    private final SignInOptions options;

    public AccessRoutes(AccessService access, Pages pages, SignInOptions options) {
        this.access = access;
        this.pages = pages;
        this.options = options;
    }

    public void register(Javalin app) {
        app.get("/login", this::loginPage);
        app.post("/login", this::login);
        app.post("/logout", this::logout);
        app.get("/setup", this::setupPage);
        app.post("/setup", this::setup);
        app.get("/tokens", this::tokensPage);
        app.post("/tokens", this::createToken);
        app.post("/tokens/{id}/revoke", this::revokeToken);
    }

    private void loginPage(Context ctx) throws SQLException {
        // with single sign-on the first users may come from the provider, so its button stays reachable
        if (options.local() && options.ssoLabel() == null && !access.hasUsers()) {
            ctx.redirect("/setup");
            return;
        }
        renderLogin(ctx, null, safeNext(ctx.queryParam("next")));
    }

    private void renderLogin(Context ctx, String error, String next) {
        String sso = options.ssoLabel() == null ? null : "/oidc/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        pages.render(ctx, "login.jte", PageInfo.anonymous("Sign in", formToken(ctx)), "error", error, "next", next,
                "local", options.local(), "ssoHref", sso, "ssoLabel", options.ssoLabel());
    }

    private void login(Context ctx) throws SQLException {
        checkFormToken(ctx);
        String next = safeNext(ctx.formParam("next"));
        if (!options.local()) {
            ctx.status(403);
            renderLogin(ctx, "Sign-in with a local user name and password is turned off here; use single sign-on.", next);
            return;
        }
        String client = HttpServer.clientAddress(ctx);
        String user = ctx.formParam("user");
        long wait = throttle.waitSeconds(user, client);
        if (wait > 0) {
            throw new ProblemException(Problem.of(429, "too-many-sign-ins", "Too many failed sign-ins",
                    "wait " + wait + " seconds before trying again"), Long.toString(wait));
        }
        Optional<AccessService.SignedIn> in = access.by(RequestActor.visitor(ctx)).signIn(user, chars(ctx.formParam("password")));
        if (in.isEmpty()) {
            throttle.failed(user, client);
            ctx.status(401);
            renderLogin(ctx, "Wrong user name or password.", next);
            return;
        }
        throttle.succeeded(user);
        Cookies.set(ctx, AccessFilter.SESSION_COOKIE, in.get().cookieValue(), AccessService.SESSION_LIFETIME.toSeconds());
        Cookies.clear(ctx, FORM_COOKIE);
        ctx.redirect(next);
    }

    private void logout(Context ctx) throws SQLException {
        access.by(RequestActor.of(ctx)).signOut(ctx.cookie(AccessFilter.SESSION_COOKIE));
        Cookies.clear(ctx, AccessFilter.SESSION_COOKIE);
        ctx.redirect("/login");
    }

    private void setupPage(Context ctx) throws SQLException {
        // the setup page exists only until the first admin does, and not at all without local sign-in (that admin could not sign in)
        if (access.hasUsers() || !options.local()) {
            ctx.redirect("/login");
            return;
        }
        pages.render(ctx, "setup.jte", PageInfo.anonymous("First run", formToken(ctx)), "error", null,
                "setupToken", ctx.queryParam("token"));
    }

    private void setup(Context ctx) throws SQLException {
        checkFormToken(ctx);
        if (!options.local()) {
            ctx.redirect("/login");
            return;
        }
        String user = ctx.formParam("user");
        String password = ctx.formParam("password");
        String error = null;
        if (password == null || !password.equals(ctx.formParam("password2"))) error = "The passwords differ.";
        else {
            try {
                if (!access.by(RequestActor.visitor(ctx)).addFirstAdmin(user, password.toCharArray(), ctx.formParam("setup_token"))) {
                    ctx.redirect("/login");
                    return;
                }
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            ctx.status(400);
            pages.render(ctx, "setup.jte", PageInfo.anonymous("First run", formToken(ctx)), "error", error,
                    "setupToken", ctx.formParam("setup_token"));
            return;
        }
        AccessService.SignedIn in = access.by(RequestActor.visitor(ctx)).signIn(user, password.toCharArray()).orElseThrow();
        Cookies.set(ctx, AccessFilter.SESSION_COOKIE, in.cookieValue(), AccessService.SESSION_LIFETIME.toSeconds());
        ctx.redirect("/");
    }

    private void tokensPage(Context ctx) throws SQLException {
        renderTokens(ctx, null, null);
    }

    /** A token in the organisation the session looks at, with at most the creator's role there. */
    private void createToken(Context ctx) throws SQLException {
        String label = ctx.formParam("label");
        String role = ctx.formParam("role");
        Scope scope = AccessFilter.scope(ctx);
        try {
            Role cap = role == null || role.isBlank() ? null : Role.of(role);
            if (cap != null && !scope.may(cap)) throw new IllegalArgumentException("you are " + scope.role().text() + " and cannot hand out " + cap.text());
            NewToken t = access.by(RequestActor.of(ctx)).createToken(AccessFilter.user(ctx), label == null ? "" : label.strip(), scope.org(), cap);
            renderTokens(ctx, t, null);
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            renderTokens(ctx, null, e.getMessage());
        }
    }

    private void renderTokens(Context ctx, NewToken created, String error) throws SQLException {
        Scope scope = AccessFilter.scope(ctx);
        pages.render(ctx, "tokens.jte", PageInfo.of(ctx, "API tokens", "tokens"), "tokens", access.tokensVisibleTo(scope),
                "created", created, "error", error, "roles", Arrays.stream(Role.values()).filter(scope::may).toList());
    }

    private void revokeToken(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        // only an admin may revoke someone else's token, and only in their organisation
        if (access.tokensVisibleTo(AccessFilter.scope(ctx)).stream().noneMatch(t -> t.id().equals(id))) {
            throw new PageException(404, "There is no such token.");
        }
        access.by(RequestActor.of(ctx)).revokeToken(id);
        ctx.redirect("/tokens");
    }

    /** The pre-session form token: reuses the browser's cookie, or sets a new one. */
    private static String formToken(Context ctx) {
        String t = ctx.cookie(FORM_COOKIE);
        if (t == null || t.length() < 32) {
            t = Secrets.random(32);
            Cookies.set(ctx, FORM_COOKIE, t, 3600);
        }
        return t;
    }

    private static void checkFormToken(Context ctx) {
        String cookie = ctx.cookie(FORM_COOKIE);
        if (cookie == null || !Secrets.sameText(cookie, ctx.formParam(Csrf.FIELD))) throw Csrf.rejected();
    }

    /**
     * Only a plain local path: an attacker's link must not bounce a fresh sign-in to another site.
     * Browsers drop tabs and line breaks from a URL and read a backslash as a slash, so
     * {@code /\t/evil.example} means {@code //evil.example}: only URL path and query characters pass.
     */
    public static String safeNext(String next) {
        if (next == null || !PLAIN_PATH.matcher(next).matches()) return "/";
        return next;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
