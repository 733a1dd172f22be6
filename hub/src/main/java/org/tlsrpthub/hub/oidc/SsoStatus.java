package org.tlsrpthub.hub.oidc;

import java.util.List;

/**
 * The single sign-on configuration as the API and {@code tlsrpt-hub sso check} show it.
 *
 * @param providerReachable the discovery document and the keys were fetched and passed the checks just now
 * @param signingKeys       how many keys the provider publishes
 * @param problem           why the provider cannot be used, or null
 */
public record SsoStatus(boolean enabled, boolean localSignIn, String issuer, String clientId, String redirectUri, String claim,
        List<String> scopes, List<String> roleMapping, boolean providerReachable, int signingKeys, String problem) {

    static SsoStatus off(boolean localSignIn) {
        return new SsoStatus(false, localSignIn, null, null, null, null, List.of(), List.of(), false, 0, null);
    }
}
