package org.tlsrpthub.hub.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.List;

/**
 * The provider's signing keys (its JWKS), fetched on first use and again when a token names a key
 * not seen yet (the provider rotated its keys), but at most once a minute, so tokens naming unknown
 * keys cannot make the hub hammer the provider.
 */
final class ProviderKeys implements JWKSource<SecurityContext> {
    private static final long REFETCH_NANOS = 60_000_000_000L;

    private final ProviderFetch fetch;
    private final URI jwksUri;
    private JWKSet keys;
    private long fetchedAt;

    ProviderKeys(ProviderFetch fetch, URI jwksUri) {
        this.fetch = fetch;
        this.jwksUri = jwksUri;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        if (keys == null) keys = load();
        List<JWK> found = selector.select(keys);
        if (found.isEmpty() && System.nanoTime() - fetchedAt > REFETCH_NANOS) {
            keys = load();
            found = selector.select(keys);
        }
        return found;
    }

    /** Fetches the keys now (a check of the provider); how many there are. */
    synchronized int count() throws ProviderException {
        try {
            keys = load();
        } catch (KeySourceException e) {
            throw ProviderException.unavailable(e.getMessage(), e);
        }
        return keys.getKeys().size();
    }

    private JWKSet load() throws KeySourceException {
        try {
            ProviderFetch.Answer a = fetch.get("the provider's keys (jwks_uri)", jwksUri);
            if (a.status() != 200) throw new KeySourceException("the provider's keys " + jwksUri + " answered HTTP " + a.status());
            JWKSet set = JWKSet.parse(a.body());
            fetchedAt = System.nanoTime();
            return set;
        } catch (ProviderException e) {
            throw new KeySourceException(e.getMessage(), e);
        } catch (java.text.ParseException e) {
            throw new KeySourceException("the provider's keys " + jwksUri + " are not a JWK set: " + e.getMessage(), e);
        }
    }
}
