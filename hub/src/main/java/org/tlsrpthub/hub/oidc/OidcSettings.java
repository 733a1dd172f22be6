package org.tlsrpthub.hub.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * Single sign-on settings (documented in docs/receiving.md "Settings" and docs/sso.md). Sign-in
 * with a provider is on when {@code oidc.issuer} is set.
 *
 * @param issuer           the provider's issuer URL; its discovery document is {@code issuer + /.well-known/openid-configuration}
 * @param clientId         the hub's client id at the provider
 * @param clientSecret     from {@code oidc.client-secret-env} or {@code oidc.client-secret-file}, never the config file
 * @param claim            the ID token claim whose values are mapped to roles ({@code groups}, {@code roles}, {@code realm_access.roles})
 * @param mapping          claim value to organisation role
 * @param scopes           requested scopes, {@code openid} always among them
 * @param publicUrl        the hub's address as browsers see it; the redirect URI is {@code publicUrl + /oidc/callback}
 * @param buttonLabel      the text of the sign-in button
 * @param network          which addresses the hub may fetch provider documents from
 */
public record OidcSettings(URI issuer, String clientId, Secret clientSecret, String claim, RoleMapping mapping,
        List<String> scopes, URI publicUrl, String buttonLabel, ProviderNetwork network) {

    public static final String CALLBACK_PATH = "/oidc/callback";

    /** The client secret; its {@code toString} never shows it, so no log line or error message can. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "(secret)";
        }
    }

    /** Null when single sign-on is off ({@code oidc.issuer} not set); a clear error for every wrong or missing value. */
    public static OidcSettings from(Settings s) {
        String issuer = s.get("oidc.issuer");
        if (issuer == null) {
            for (String k : List.of("oidc.client-id", "oidc.client-secret-env", "oidc.client-secret-file", "oidc.role-mapping")) {
                if (s.get(k) != null) throw new SettingsException(k + " is set but oidc.issuer is not: set the provider's issuer URL to turn single sign-on on");
            }
            return null;
        }
        ProviderNetwork network = new ProviderNetwork(s.getBoolean("oidc.allow-loopback", false), s.getBoolean("oidc.allow-private-network", false));
        URI issuerUri = url("oidc.issuer", issuer);
        network.checkScheme("oidc.issuer", issuerUri);
        String clientId = required(s, "oidc.client-id", "the client id the provider gave the hub");
        String secret = s.secret("oidc.client-secret");
        if (secret == null || secret.isBlank()) {
            throw new SettingsException("oidc.client-secret-env or oidc.client-secret-file must name where the client secret is "
                    + "(an environment variable or a file; never the config file itself)");
        }
        RoleMapping mapping = RoleMapping.parse(required(s, "oidc.role-mapping",
                "which claim values give which organisation role, e.g. tlsrpt-acme-admins=acme:admin"));
        URI publicUrl = url("http.public-url", required(s, "http.public-url",
                "the hub's address as browsers see it (e.g. https://tlsrpt.example.com): the provider sends browsers back there"));
        if (publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
            throw new SettingsException("http.public-url = " + publicUrl + " must not have a query or a fragment");
        }
        List<String> scopes = scopes(s.get("oidc.scopes", "openid profile email"));
        return new OidcSettings(issuerUri, clientId, new Secret(secret), s.get("oidc.claim", "groups"), mapping, scopes,
                publicUrl, s.get("oidc.button-label", "Sign in with single sign-on"), network);
    }

    /** Where the provider sends the browser back: fixed, registered at the provider as is. */
    public URI redirectUri() {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK_PATH);
    }

    /** The scopes as listed (spaces or commas between), {@code openid} first whether listed or not. */
    static List<String> scopes(String value) {
        Set<String> out = new LinkedHashSet<>();
        out.add("openid");
        for (String scope : value.trim().split("[\\s,]+")) {
            if (!scope.isEmpty()) out.add(scope);
        }
        return List.copyOf(out);
    }

    private static String required(Settings s, String key, String what) {
        String v = s.get(key);
        if (v == null) throw new SettingsException(key + " must be set for single sign-on: " + what);
        return v;
    }

    private static URI url(String key, String value) {
        try {
            URI u = new URI(value);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
                throw new SettingsException(key + " = " + value + " must be an http(s) URL with a host name");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new SettingsException(key + " = " + value + " is not a URL: " + e.getMessage());
        }
    }
}
