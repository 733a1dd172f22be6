package org.tlsrpthub.hub.oidc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tlsrpthub.hub.auth.Secrets;
import org.tlsrpthub.hub.store.Database;

/**
 * Sign-ins between the redirect to the provider and its answer, in the database so that the answer
 * may reach any hub node. The browser holds only a random key (a cookie); state, nonce and the PKCE
 * verifier stay here. Each is taken at most once.
 */
final class PendingSignIns {
    /** How long a person may take at the provider's sign-in page. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final Database db;
    private final Clock clock;

    PendingSignIns(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What the hub remembers of one sign-in under way. */
    record Pending(String state, String nonce, String codeVerifier, String next) {}

    /** Stores a sign-in under way; returns the browser's key for it. */
    String begin(Pending p) throws SQLException {
        String key = Secrets.random(32);
        long now = clock.millis();
        db.inTransaction(c -> {
            execute(c.prepareStatement(OidcSql.PURGE_PENDING), now);
            execute(c.prepareStatement(OidcSql.INSERT_PENDING), Secrets.sha256(key), p.state(), p.nonce(), p.codeVerifier(), p.next(),
                    now + LIFETIME.toMillis());
            return null;
        });
        return key;
    }

    /** The sign-in the browser's key names, removed so it cannot be answered twice; empty when unknown or expired. */
    Optional<Pending> take(String key) throws SQLException {
        if (key == null || key.isEmpty()) return Optional.empty();
        String id = Secrets.sha256(key);
        return db.inTransaction(c -> {
            Pending p = null;
            try (PreparedStatement ps = c.prepareStatement(OidcSql.FIND_PENDING)) {
                ps.setString(1, id);
                ps.setLong(2, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) p = new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
            // two racing answers: only the one whose delete removed the row may go on
            if (execute(c.prepareStatement(OidcSql.DELETE_PENDING), id) == 0) return Optional.<Pending>empty();
            return Optional.ofNullable(p);
        });
    }

    private static int execute(PreparedStatement ps, Object... args) throws SQLException {
        try (ps) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }
}
