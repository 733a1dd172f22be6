package org.tlsrpthub.hub.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes commits that SQLite wrote without syncing durable afterwards, on another thread: what lets
 * the group committer write its next batch while the last one's fsync runs.
 *
 * <p>Why this is as durable as {@code synchronous=FULL}: in WAL mode FULL differs from NORMAL only
 * in the fsync of the log at the end of each commit (without {@code psow=0} SQLite pads nothing).
 * A commit's frames are in the log file once COMMIT returns, so one fsync of the log file started
 * after that covers them, and every earlier frame in the file with them (fsync is per file, not
 * per descriptor). Frames can leave the log only through a checkpoint, which syncs the log before
 * copying and the database file before the log is restarted or truncated; and when the last
 * connection closes, SQLite checkpoints and deletes the log. So a log file missing at sync time
 * means its frames are in the synced database file, and syncing that file as well costs little.
 */
final class WalSync {
    private final Path log;
    private final Path database;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();

    private WalSync(Path database) {
        this.database = database;
        this.log = Path.of(database + "-wal");
    }

    /**
     * The sync for the database open on {@code c}, when commits may leave it to one: a WAL database
     * in a file, at {@code synchronous=FULL}; else null (NORMAL syncs nothing at commit, EXTRA is
     * more than this gives, and an in-memory database has nothing to sync).
     */
    static WalSync of(Connection c, String jdbcUrl) throws SQLException {
        if (jdbcUrl.toLowerCase(Locale.ROOT).replace(" ", "").contains("psow=0")) return null; // SQLite pads its commits then
        try (Statement st = c.createStatement()) {
            if (!"wal".equalsIgnoreCase(single(st, "PRAGMA journal_mode"))) return null;
            if (!"2".equals(single(st, "PRAGMA synchronous"))) return null;
            try (ResultSet rs = st.executeQuery("PRAGMA database_list")) {
                while (rs.next()) {
                    String file = rs.getString("file");
                    if ("main".equals(rs.getString("name")) && file != null && !file.isEmpty()) return new WalSync(Path.of(file));
                }
            }
        }
        return null;
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Syncs every commit whose COMMIT returned before this call began. */
    void sync() throws IOException {
        started.incrementAndGet();
        try {
            force(log);
        } catch (NoSuchFileException e) {
            force(database);
        }
        finished.incrementAndGet();
    }

    /** Syncs begun and syncs that succeeded so far. */
    long[] counts() {
        return new long[] {started.get(), finished.get()};
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
