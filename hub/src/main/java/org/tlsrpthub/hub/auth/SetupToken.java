package org.tlsrpthub.hub.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.store.Database;

/**
 * The one-time token that the first-run setup page asks for, as Grafana and Jenkins do: whoever
 * reaches a fresh public instance first must not become its admin. While the store has no user,
 * each start prints a new token in the log and keeps only its hash in the {@code setting} table, so
 * that any node behind the load balancer accepts it. Nodes starting together each print their own,
 * and each works; creating the first admin uses them all up.
 */
public final class SetupToken {
    private static final Logger log = LoggerFactory.getLogger(SetupToken.class);
    static final String PREFIX = "setup-token:";

    private SetupToken() {}

    /**
     * Prints a fresh setup token when the store has no user yet; the token itself is never stored.
     * A store that cannot be written just now (another writer holds it past the busy timeout) does
     * not stop the hub from receiving reports: the failure is logged with the way out.
     */
    public static void announceIfNeeded(AccessService access, Database db, Clock clock) {
        try {
            if (access.hasUsers()) return;
            String token = issue(db, clock);
            // The one secret the hub logs, on purpose: the operator reads it from the log of their own machine.
            log.warn("event=setup-token token={} hint=\"no user yet: open /setup and enter this token to create the first admin\"", token);
        } catch (SQLException e) {
            log.warn("event=setup-token-failed error=\"{}\" hint=\"restart the hub for a setup token, or create the first admin with: tlsrpt-hub users add NAME --admin\"",
                    e.getMessage());
        }
    }

    /** Stores a new token's hash and returns the token. */
    public static String issue(Database db, Clock clock) throws SQLException {
        String token = Secrets.random(24);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (name, value) VALUES (?, ?)")) {
                ps.setString(1, PREFIX + Secrets.sha256(token));
                ps.setString(2, Long.toString(clock.millis()));
                return ps.executeUpdate();
            }
        });
        return token;
    }

    /** In the first-admin transaction: true when {@code token} is a valid one, and then every setup token is gone. */
    static boolean useUp(Connection c, String token) throws SQLException {
        if (token == null || token.isBlank()) return false;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM setting WHERE name = ?")) {
            ps.setString(1, PREFIX + Secrets.sha256(token.strip()));
            if (ps.executeUpdate() == 0) return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM setting WHERE name LIKE ?")) {
            ps.setString(1, PREFIX + "%");
            ps.executeUpdate();
        }
        return true;
    }
}
