package org.tlsrpthub.hub.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own.
 *
 * <p>SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, so the one
 * writer (the group committer every HTTP and SMTP sender waits on) stalls while pages are copied
 * and the file is synced. With automatic checkpoints off on the pool's connections, this thread
 * does the copying beside the writer: a PASSIVE checkpoint on every tick (it never blocks anyone
 * and copies a page written many times only once); when the log has grown past a limit under
 * sustained load, a RESTART checkpoint (a short wait for the writer, since nearly everything is
 * already copied) so that the next commit writes from the start of the log again; and when
 * writing has stopped, a TRUNCATE checkpoint that leaves an empty log file.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    /** What the pool's connections run first: no checkpoint inside a commit. */
    static final String DISABLE_AUTOMATIC = "PRAGMA wal_autocheckpoint=0";

    private final String jdbcUrl;
    private final Duration tick;
    private final int restartFrames;
    private final Thread thread;
    private volatile boolean stopping;
    private long lastLogFrames = -1;
    private long lastFailureLogged;
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private WalCheckpointer(String jdbcUrl, Duration tick, int restartFrames) {
        this.jdbcUrl = jdbcUrl;
        this.tick = tick;
        this.restartFrames = restartFrames;
        this.thread = Thread.ofPlatform().name("sqlite-checkpoint").daemon(true).unstarted(this::run);
    }

    /**
     * Starts a checkpointer for the database at {@code jdbcUrl} if it is in WAL mode (the default
     * store is; a database in another journal mode needs none, and then null is returned).
     *
     * @param restartFrames log size, in pages, past which the log is restarted
     */
    static WalCheckpointer startIfWal(String jdbcUrl, Duration tick, int restartFrames) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) return null;
        }
        WalCheckpointer checkpointer = new WalCheckpointer(jdbcUrl, tick, restartFrames);
        checkpointer.thread.start();
        return checkpointer;
    }

    private void run() {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
            // RESTART and TRUNCATE wait for the writer through the busy handler, and block new
            // writers meanwhile: keep that wait short and try again on the next tick instead.
            st.execute("PRAGMA busy_timeout=50");
            while (!stopping) {
                sleep();
                try {
                    checkpoint(st);
                    lastFailureLogged = 0;
                } catch (SQLException e) {
                    // e.g. a full disk: say so, but not twice a second while it lasts
                    long now = System.nanoTime();
                    if (lastFailureLogged == 0 || now - lastFailureLogged > FAILURE_LOG_INTERVAL.toNanos()) {
                        log.warn("event=checkpoint-failed error=\"{}\"", e.getMessage());
                        lastFailureLogged = now;
                    }
                }
            }
        } catch (SQLException e) {
            log.error("event=checkpointer-stopped error=\"{}\"; the log file grows until the hub restarts", e.getMessage());
        }
    }

    private void checkpoint(Statement st) throws SQLException {
        long[] passive = run(st, "PASSIVE");
        long logFrames = passive[1];
        boolean idle = logFrames == lastLogFrames; // a restarted log keeps its old count until the next write
        if (logFrames > 0 && idle && passive[2] == logFrames) {
            run(st, "TRUNCATE"); // nothing written since the last tick: give the disk space back
        } else if (logFrames >= restartFrames && !idle) {
            run(st, "RESTART");
        }
        lastLogFrames = logFrames;
    }

    // PRAGMA wal_checkpoint answers busy (0/1), frames in the log, frames copied to the database.
    private static long[] run(Statement st, String mode) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private void sleep() {
        try {
            Thread.sleep(tick);
        } catch (InterruptedException e) {
            stopping = true;
        }
    }

    /** Stops the thread; SQLite checkpoints and removes the log itself when the last connection closes. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
