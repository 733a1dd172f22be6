package org.tlsrpthub.hub.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One identity provider as its discovery document describes it: where to send browsers, where to
 * exchange a code, and how to check the ID token it returns (signature against its published keys,
 * issuer, audience, expiry and the nonce of this sign-in).
 */
final class OidcProvider {
    /** Asymmetric signatures only: an HMAC-signed ID token would be checked with the client secret, which the hub does not want to rely on. */
    private static final Set<JWSAlgorithm.Family> KEY_FAMILIES = Set.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC);

    private final OidcSettings settings;
    private final ProviderFetch fetch;
    private final OIDCProviderMetadata metadata;
    private final IDTokenValidator validator;
    private final ProviderKeys keys;
    private final boolean secretInBody;

    private OidcProvider(OidcSettings settings, ProviderFetch fetch, OIDCProviderMetadata metadata, ProviderKeys keys,
            IDTokenValidator validator, boolean secretInBody) {
        this.keys = keys;
        this.settings = settings;
        this.fetch = fetch;
        this.metadata = metadata;
        this.validator = validator;
        this.secretInBody = secretInBody;
    }

    /** Reads and checks the provider's discovery document; fetches its keys on the first sign-in. */
    static OidcProvider discover(OidcSettings settings, ProviderFetch fetch) throws ProviderException {
        String base = settings.issuer().toString();
        URI discovery = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/.well-known/openid-configuration");
        ProviderFetch.Answer a = fetch.get("the discovery document", discovery);
        if (a.status() != 200) {
            String what = "the discovery document " + discovery + " answered HTTP " + a.status();
            throw a.status() >= 500 || a.status() == 429 ? ProviderException.unavailable(what)
                    : ProviderException.misconfigured(what + ": is oidc.issuer right?");
        }
        OIDCProviderMetadata m;
        try {
            m = OIDCProviderMetadata.parse(a.body());
        } catch (ParseException e) {
            throw ProviderException.misconfigured("the discovery document " + discovery + " is not valid: " + e.getMessage());
        }
        if (!m.getIssuer().getValue().equals(base)) {
            throw ProviderException.misconfigured("the discovery document names the issuer " + m.getIssuer() + ", but oidc.issuer is "
                    + base + ": set oidc.issuer to exactly the provider's issuer (a trailing '/' counts)");
        }
        require(m.getAuthorizationEndpointURI(), "authorization_endpoint", settings);
        require(m.getTokenEndpointURI(), "token_endpoint", settings);
        require(m.getJWKSetURI(), "jwks_uri", settings);
        if (m.getResponseTypes() != null && !m.getResponseTypes().contains(ResponseType.CODE)) {
            throw ProviderException.misconfigured("the provider does not offer the authorization code flow (response_types_supported)");
        }
        if (m.getCodeChallengeMethods() != null && !m.getCodeChallengeMethods().contains(CodeChallengeMethod.S256)) {
            throw ProviderException.misconfigured("the provider does not offer PKCE with S256 (code_challenge_methods_supported)");
        }
        Set<JWSAlgorithm> algorithms = new java.util.HashSet<>();
        for (JWSAlgorithm alg : m.getIDTokenJWSAlgs() == null ? List.<JWSAlgorithm>of() : m.getIDTokenJWSAlgs()) {
            if (KEY_FAMILIES.stream().anyMatch(f -> f.contains(alg))) algorithms.add(alg);
        }
        if (algorithms.isEmpty()) {
            throw ProviderException.misconfigured("the provider signs ID tokens with none of RS256, ES256 and the like "
                    + "(id_token_signing_alg_values_supported: " + m.getIDTokenJWSAlgs() + ")");
        }
        List<ClientAuthenticationMethod> methods = m.getTokenEndpointAuthMethods();
        boolean basic = methods == null || methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        if (!basic && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            throw ProviderException.misconfigured("the provider accepts neither client_secret_basic nor client_secret_post at its token endpoint");
        }
        ProviderKeys keys = new ProviderKeys(fetch, m.getJWKSetURI());
        IDTokenValidator validator = new IDTokenValidator(m.getIssuer(), new ClientID(settings.clientId()),
                new JWSVerificationKeySelector<SecurityContext>(algorithms, keys), null);
        return new OidcProvider(settings, fetch, m, keys, validator, !basic);
    }

    private static void require(URI endpoint, String field, OidcSettings settings) throws ProviderException {
        if (endpoint == null) throw ProviderException.misconfigured("the discovery document has no " + field);
        try {
            settings.network().checkScheme("the provider's " + field, endpoint);
        } catch (org.tlsrpthub.hub.config.SettingsException e) {
            throw ProviderException.misconfigured(e.getMessage());
        }
    }

    /** Fetches the provider's signing keys now; how many it publishes. */
    int keyCount() throws ProviderException {
        return keys.count();
    }

    /** Where to send the browser: the code flow with this sign-in's state, nonce and PKCE challenge. */
    URI authorizationRedirect(State state, Nonce nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()), settings.redirectUri())
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    /** Exchanges the code (with the PKCE verifier) and returns the checked claims of the ID token. */
    IDTokenClaimsSet signIn(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) throws ProviderException, SignInRefused {
        ClientID id = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret().value());
        ClientAuthentication auth = secretInBody ? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
        HTTPRequest request = new TokenRequest(metadata.getTokenEndpointURI(), auth,
                new AuthorizationCodeGrant(code, settings.redirectUri(), verifier)).toHTTPRequest();
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaderMap().forEach((k, v) -> headers.put(k, String.join(", ", v)));
        ProviderFetch.Answer a = fetch.postForm("the token endpoint", metadata.getTokenEndpointURI(), headers, request.getBody());
        TokenResponse response;
        try {
            HTTPResponse http = new HTTPResponse(a.status());
            if (a.contentType() != null) http.setContentType(a.contentType());
            http.setBody(a.body());
            response = OIDCTokenResponseParser.parse(http);
        } catch (ParseException e) {
            throw ProviderException.unavailable("the token endpoint answered HTTP " + a.status() + " with something that is not a token answer: "
                    + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            var error = ((TokenErrorResponse) response).getErrorObject();
            throw new SignInRefused("The identity provider did not accept the sign-in (" + error.getCode()
                    + (error.getDescription() == null ? "" : ": " + error.getDescription()) + "). Please sign in again.");
        }
        JWT idToken = ((OIDCTokenResponse) response).getOIDCTokens().getIDToken();
        if (idToken == null) throw ProviderException.misconfigured("the token endpoint answered without an ID token (is 'openid' among the scopes?)");
        try {
            return validator.validate(idToken, nonce);
        } catch (BadJOSEException e) {
            throw new SignInRefused("The identity provider's ID token failed the check: " + e.getMessage());
        } catch (JOSEException e) {
            throw ProviderException.unavailable("the ID token could not be checked: " + e.getMessage(), e);
        }
    }
}
