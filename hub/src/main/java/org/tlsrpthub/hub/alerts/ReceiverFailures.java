package org.tlsrpthub.hub.alerts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.store.Database;

/**
 * Where a receiver says that it is failing or working again, for the {@code intake} rule. The row
 * lives in the database (any node's evaluation sees every node's receivers) and is written only when
 * the state changes or the error text does, never per poll that goes well.
 */
public final class ReceiverFailures {
    private static final Logger log = LoggerFactory.getLogger(ReceiverFailures.class);
    private static final int MAX_ERROR = 300;
    static final String FAILED = "INSERT INTO receiver_failure (node, receiver, failing_since, last_error, last_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (node, receiver) DO UPDATE SET last_error = excluded.last_error, last_at = excluded.last_at";
    static final String SUCCEEDED = "DELETE FROM receiver_failure WHERE node = ? AND receiver = ?";

    private final Database db;
    private final Clock clock;
    private final String node;
    /** Receivers known to have no row: the first success after a start clears what an earlier run left. */
    private final Set<String> clear = ConcurrentHashMap.newKeySet();

    public ReceiverFailures(Database db, Clock clock, String node) {
        this.db = db;
        this.clock = clock;
        this.node = node;
    }

    /** The receiver failed; the error text must hold no secret (receivers pass their exception's message). */
    public void failed(String receiver, String error) {
        String text = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        clear.remove(receiver);
        write(FAILED, receiver, text);
    }

    public void succeeded(String receiver) {
        if (clear.add(receiver)) write(SUCCEEDED, receiver, null);
    }

    private void write(String sql, String receiver, String error) {
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, node);
                    ps.setString(2, receiver);
                    if (error != null) {
                        long now = clock.millis();
                        ps.setLong(3, now);
                        ps.setString(4, error);
                        ps.setLong(5, now);
                    }
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            // the receiver goes on either way; the database being down shows elsewhere
            log.warn("event=receiver-state-not-recorded receiver=\"{}\" error=\"{}\"", receiver, e.toString());
        }
    }
}
