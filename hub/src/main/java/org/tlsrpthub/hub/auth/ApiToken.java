package org.tlsrpthub.hub.auth;

import java.time.Instant;
import org.tlsrpthub.hub.orgs.Role;

/**
 * An API token as listed: never the secret itself, which is shown once at creation.
 *
 * @param org        the organisation it acts in
 * @param role       at most this role there; null: its user's role, whatever it is at each request
 * @param revokedAt  null while the token is valid
 * @param lastUsedAt null when never used
 */
public record ApiToken(String id, String label, String user, String org, Role role, Instant createdAt, Instant revokedAt,
        Instant lastUsedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
