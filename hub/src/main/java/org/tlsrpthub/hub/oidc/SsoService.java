package org.tlsrpthub.hub.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.Secrets;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.store.Database;

/**
 * Single sign-on with an OpenID Connect provider (authorization code flow with PKCE, state and
 * nonce), and whether local users may sign in. The sign-in pages, the API and the CLI all use this.
 */
public final class SsoService {
    private static final Logger log = LoggerFactory.getLogger(SsoService.class);

    private final OidcSettings settings;
    private final boolean localSignIn;
    private final ProviderFetch fetch;
    private final PendingSignIns pending;
    private final SsoAccounts accounts;
    private final AccessService access;
    private volatile OidcProvider provider;

    private SsoService(OidcSettings settings, boolean localSignIn, Database db, Clock clock) {
        this.settings = settings;
        this.localSignIn = localSignIn;
        this.fetch = settings == null ? null : new ProviderFetch(settings.network());
        this.pending = new PendingSignIns(db, clock);
        this.accounts = new SsoAccounts(db, clock);
        this.access = new AccessService(db, clock);
    }

    /**
     * From the settings, checked: a wrong setting or a provider whose discovery document is wrong stops
     * the start with a clear error; a provider that does not answer now is only logged (a sign-in retries).
     */
    public static SsoService start(Settings s, Database db, Clock clock) {
        SsoService sso = configured(s, db, clock);
        OidcSettings oidc = sso.settings;
        if (oidc != null) {
            try {
                sso.provider = OidcProvider.discover(oidc, sso.fetch);
                log.info("event=sso-ready issuer=\"{}\" redirect-uri=\"{}\"", oidc.issuer(), oidc.redirectUri());
            } catch (ProviderException e) {
                if (e.misconfigured()) throw new SettingsException("single sign-on: " + e.getMessage());
                log.warn("event=sso-provider-unavailable issuer=\"{}\" error=\"{}\" hint=\"sign-ins retry\"", oidc.issuer(), e.getMessage());
            }
        }
        return sso;
    }

    /** From the settings, checked, but without asking the provider yet ({@link #status} does). */
    public static SsoService configured(Settings s, Database db, Clock clock) {
        OidcSettings oidc = OidcSettings.from(s);
        boolean local = s.getBoolean("auth.local-sign-in", true);
        if (!local && oidc == null) {
            throw new SettingsException("auth.local-sign-in = false needs single sign-on (oidc.issuer and the other oidc.* settings): "
                    + "otherwise nobody could sign in");
        }
        return new SsoService(oidc, local, db, clock);
    }

    public boolean enabled() {
        return settings != null;
    }

    public boolean localSignIn() {
        return localSignIn;
    }

    /** The sign-in button's text; null when single sign-on is off. */
    public String buttonLabel() {
        return settings == null ? null : settings.buttonLabel();
    }

    /** A sign-in started: where to send the browser, and the key the browser must bring back. */
    public record Started(URI redirect, String browserKey) {}

    public Started begin(String next) throws ProviderException, SQLException {
        OidcProvider p = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String key = pending.begin(new PendingSignIns.Pending(state.getValue(), nonce.getValue(), verifier.getValue(), next));
        return new Started(p.authorizationRedirect(state, nonce, verifier), key);
    }

    /** A finished sign-in: the session cookie's value and where to go. */
    public record SignedIn(String user, String sessionCookie, String next) {}

    /**
     * Checks the provider's answer (the query of the callback) against the sign-in this browser
     * started, exchanges the code and signs the user in. The sign-in, or why it was refused, goes to
     * the audit log with {@code visitor}'s address.
     */
    public SignedIn finish(String browserKey, Map<String, String> answer, Actor visitor) throws SignInRefused, ProviderException, SQLException {
        AccessService acting = access.by(visitor);
        PendingSignIns.Pending p = pending.take(browserKey).orElse(null);
        if (p == null) {
            throw refused(acting, null, 400, "unknown-or-expired", "This sign-in is unknown or has expired: it must finish in the "
                    + "browser that started it, within " + PendingSignIns.LIFETIME.toMinutes() + " minutes, and only once. Please sign in again.");
        }
        if (!Secrets.sameText(p.state(), answer.get("state"))) {
            throw refused(acting, null, 400, "state", "The answer from the identity provider does not belong to the sign-in this "
                    + "browser started (the state differs). Please sign in again.");
        }
        if (answer.get("error") != null) {
            throw refused(acting, null, 403, "provider-error", "The identity provider did not sign you in (" + answer.get("error")
                    + (answer.get("error_description") == null ? "" : ": " + answer.get("error_description")) + ").");
        }
        String code = answer.get("code");
        if (code == null || code.isBlank()) {
            throw refused(acting, null, 400, "no-code", "The identity provider's answer has no authorization code.");
        }
        IDTokenClaimsSet claims;
        try {
            claims = provider().signIn(new AuthorizationCode(code), new CodeVerifier(p.codeVerifier()), new Nonce(p.nonce()));
        } catch (SignInRefused e) {
            throw refused(acting, null, e.status(), "token", e.getMessage());
        }
        Map<String, Role> roles = settings.mapping().rolesFor(ClaimValues.of(claims.toJSONObject(), settings.claim()));
        ProviderIdentity who = ProviderIdentity.of(claims);
        SsoAccounts.Outcome outcome = accounts.signIn(who, roles);
        if (outcome.refused() != null) {
            throw refused(acting, SsoAccounts.baseName(who), outcome.refused().status(), "account", outcome.refused().getMessage());
        }
        AccessService.SignedIn in = acting.openSession(outcome.user(), "single sign-on (" + who.issuer() + ")");
        log.info("event=sso-sign-in user=\"{}\" organisations=\"{}\"", outcome.user(), roles.keySet());
        return new SignedIn(outcome.user(), in.cookieValue(), p.next());
    }

    /** Logs and audits a refusal; {@code name} is the name the provider gave, when it got that far. */
    private static SignInRefused refused(AccessService acting, String name, int status, String reason, String message) throws SQLException {
        // the message may quote the provider's error_description: no line breaks or quotes into the log
        log.info("event=sso-refused reason={} detail=\"{}\"", reason, message.replaceAll("[\\p{Cntrl}\"]", "'"));
        acting.signInRefused(name, "single sign-on: " + message);
        return new SignInRefused(status, message);
    }

    /** The provider as discovered at start, or discovered now when it did not answer then. */
    private OidcProvider provider() throws ProviderException {
        if (settings == null) throw ProviderException.misconfigured("single sign-on is not configured (oidc.issuer)");
        OidcProvider p = provider;
        if (p == null) {
            p = OidcProvider.discover(settings, fetch);
            provider = p;
        }
        return p;
    }

    /** What the hub's single sign-on is set to, and (checked now) whether the provider answers; never the secret. */
    public SsoStatus status() {
        if (settings == null) return SsoStatus.off(localSignIn);
        String problem = null;
        int keys = 0;
        try {
            OidcProvider fresh = OidcProvider.discover(settings, fetch);
            keys = fresh.keyCount();
            provider = fresh;
        } catch (ProviderException e) {
            problem = e.getMessage();
        }
        return new SsoStatus(true, localSignIn, settings.issuer().toString(), settings.clientId(), settings.redirectUri().toString(),
                settings.claim(), settings.scopes(), settings.mapping().rules().stream().map(RoleMapping.Rule::toString).toList(),
                problem == null, keys, problem);
    }
}
