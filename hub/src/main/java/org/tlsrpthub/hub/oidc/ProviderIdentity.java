package org.tlsrpthub.hub.oidc;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

/**
 * Who the provider says signed in: its issuer and subject (the stable key), and what may name or
 * link the account here. {@code emailVerified} is true only when the provider says so explicitly.
 */
record ProviderIdentity(String issuer, String subject, String preferredName, String email, boolean emailVerified) {

    static ProviderIdentity of(IDTokenClaimsSet claims) {
        Object verified = claims.getClaim("email_verified");
        return new ProviderIdentity(claims.getIssuer().getValue(), claims.getSubject().getValue(),
                claims.getStringClaim("preferred_username"), claims.getStringClaim("email"),
                Boolean.TRUE.equals(verified) || "true".equals(verified)); // some providers send the string
    }
}
