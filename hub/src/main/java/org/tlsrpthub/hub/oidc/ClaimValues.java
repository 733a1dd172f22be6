package org.tlsrpthub.hub.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The values of the claim that {@code oidc.claim} names, however the provider shapes it: a list of
 * strings (Keycloak, Entra ID, Authentik {@code groups}), one string, or an object whose keys are the
 * values (Zitadel's {@code urn:zitadel:iam:org:project:roles}). A dotted name that is not itself a
 * claim is followed into nested objects ({@code realm_access.roles} in Keycloak).
 */
final class ClaimValues {
    private ClaimValues() {}

    static List<String> of(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v == null && name.contains(".")) {
            Object node = claims;
            for (String part : name.split("\\.")) {
                node = node instanceof Map<?, ?> m ? m.get(part) : null;
            }
            v = node;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof String s) out.add(s);
        else if (v instanceof Collection<?> c) c.forEach(e -> { if (e instanceof String s) out.add(s); });
        else if (v instanceof Map<?, ?> m) m.keySet().forEach(k -> out.add(String.valueOf(k)));
        return out;
    }
}
