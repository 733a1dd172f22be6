package org.tlsrpthub.hub.auth;

import java.time.Instant;

/**
 * An API token as listed: never the secret itself, which is shown once at creation.
 *
 * @param revokedAt null while the token is valid
 * @param lastUsedAt null when never used
 */
public record ApiToken(String id, String label, String user, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
