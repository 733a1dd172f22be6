package org.tlsrpthub.hub.oidc;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.audit.RequestActor;
import org.tlsrpthub.hub.auth.AccessFilter;
import org.tlsrpthub.hub.auth.AccessRoutes;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.Cookies;
import org.tlsrpthub.hub.web.PageInfo;
import org.tlsrpthub.hub.web.Pages;

/**
 * The two open steps of a single sign-on: {@value #START} sends the browser to the provider,
 * {@value OidcSettings#CALLBACK_PATH} takes the provider's answer. Problems get a page that says
 * what happened and offers to sign in again, never a stack trace.
 */
public final class SsoRoutes {
    public static final String START = "/oidc/sign-in";
    /** The browser's key to its sign-in under way; sent back on the provider's top-level redirect (SameSite=Lax). */
    static final String PENDING_COOKIE = "tlsrpt_oidc";
    private static final Logger log = LoggerFactory.getLogger(SsoRoutes.class);

    private final SsoService sso;
    private final Pages pages;

    public SsoRoutes(SsoService sso, Pages pages) {
        this.sso = sso;
        this.pages = pages;
    }

    public void register(Javalin app) {
        if (!sso.enabled()) return;
        app.get(START, this::start);
        app.get(OidcSettings.CALLBACK_PATH, this::callback);
    }

    private void start(Context ctx) throws SQLException {
        try {
            SsoService.Started s = sso.begin(AccessRoutes.safeNext(ctx.queryParam("next")));
            Cookies.set(ctx, PENDING_COOKIE, s.browserKey(), PendingSignIns.LIFETIME.toSeconds());
            ctx.redirect(s.redirect().toString());
        } catch (ProviderException e) {
            unavailable(ctx, e);
        }
    }

    private void callback(Context ctx) throws SQLException {
        Map<String, String> answer = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> answer.put(k, v.isEmpty() ? null : v.get(0)));
        String key = ctx.cookie(PENDING_COOKIE);
        Cookies.clear(ctx, PENDING_COOKIE);
        try {
            SsoService.SignedIn in = sso.finish(key, answer, RequestActor.visitor(ctx));
            Cookies.set(ctx, AccessFilter.SESSION_COOKIE, in.sessionCookie(), AccessService.SESSION_LIFETIME.toSeconds());
            ctx.redirect(in.next());
        } catch (SignInRefused e) {
            problem(ctx, e.status(), "Not signed in", e.getMessage());
        } catch (ProviderException e) {
            unavailable(ctx, e);
        }
    }

    private void unavailable(Context ctx, ProviderException e) {
        log.warn("event=sso-provider-failed error=\"{}\"", e.getMessage());
        problem(ctx, 502, "Identity provider unavailable", "The identity provider could not be reached or gave an unusable answer, "
                + "so you are not signed in. Please try again in a moment; if it keeps failing, tell an administrator (the hub's log says why).");
    }

    private void problem(Context ctx, int status, String title, String message) {
        ctx.status(status);
        pages.render(ctx, "sso-problem.jte", PageInfo.anonymous(title, ""), "message", message);
    }
}
