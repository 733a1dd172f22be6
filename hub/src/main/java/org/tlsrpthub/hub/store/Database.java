package org.tlsrpthub.hub.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * An open store: a connection pool on SQLite or PostgreSQL whose schema has been migrated to the
 * current version. Every feature's SQL class works on connections from here.
 */
public final class Database implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 8;
    // Checkpoint every half second; restart the log once it holds 64 MB of 4 KB pages.
    private static final Duration CHECKPOINT_TICK = Duration.ofMillis(500);
    private static final int RESTART_LOG_FRAMES = 16_384;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final IdAllocator ids;
    private final WalCheckpointer checkpointer;
    private final WalSync walSync; // null: every commit syncs itself, or nothing does

    private Database(HikariDataSource pool, Dialect dialect, WalCheckpointer checkpointer, WalSync walSync) {
        this.pool = pool;
        this.dialect = dialect;
        this.ids = IdAllocator.of(dialect);
        this.checkpointer = checkpointer;
        this.walSync = walSync;
    }

    /** Opens the database at {@code jdbcUrl}, creating or upgrading its schema. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, CHECKPOINT_TICK, RESTART_LOG_FRAMES);
    }

    /** As {@link #open(String)}, with the SQLite checkpoint tick and log restart size given (for tests). */
    static Database open(String jdbcUrl, Duration checkpointTick, int restartLogFrames) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("tlsrpt-hub");
        // SQLite has one writer anyway; a few connections let readers run beside it (WAL).
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 8);
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        if (dialect == Dialect.POSTGRESQL) {
            // Batches of policies, failure details and rollup cells go as multi-row INSERTs: one
            // round trip per batch. (The store never reads batch update counts, which this hides.)
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        } else {
            config.setConnectionInitSql(WalCheckpointer.DISABLE_AUTOMATIC); // a thread of its own does it
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool, dialect);
            WalSync walSync = null;
            if (dialect == Dialect.SQLITE) {
                try (Connection c = pool.getConnection()) {
                    walSync = WalSync.of(c, jdbcUrl);
                }
            }
            WalCheckpointer checkpointer = dialect == Dialect.SQLITE
                    ? WalCheckpointer.startIfWal(jdbcUrl, checkpointTick, restartLogFrames) : null;
            Database db = new Database(pool, dialect, checkpointer, walSync);
            try {
                ContentHashBackfill.run(db);
                PolicyRollupBackfill.run(db);
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException e) {
            pool.close();
            throw new IllegalStateException("cannot open " + jdbcUrl + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(DataSource ds, Dialect dialect) {
        Flyway.configure()
                .dataSource(ds)
                .locations(dialect.migrations())
                // the one migration SQL cannot do (IDN), the same for both dialects
                .javaMigrations(new DomainSpellingMerge())
                // features number their migrations in blocks (store V1, access V10, dashboard V20+) and
                // touch separate tables, so a store that already has V20 may still receive V10
                .outOfOrder(true)
                .load()
                .migrate();
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    IdAllocator ids() {
        return ids;
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction and commits it. A deadlock or serialization failure
     * (PostgreSQL) or a busy database (SQLite) rolls back and runs the work again: the work must
     * therefore not keep state from a failed attempt.
     *
     * <p>A connection goes back to the pool only with no transaction open: after any failure it is
     * rolled back, and when even that fails it is discarded. (A connection left half-way, with the
     * driver believing a transaction is open when none is, would commit the next work statement by
     * statement and then report failure.)
     */
    public <T> T inTransaction(TransactionWork<T> work) throws SQLException {
        return inTransaction(work, false);
    }

    /**
     * True when {@link #inTransactionSyncLater} leaves the sync of its commit to {@link #syncCommits}:
     * SQLite in WAL mode at {@code synchronous=FULL}. Otherwise its commits are as durable as
     * {@link #inTransaction}'s when it returns, and syncCommits does nothing.
     */
    public boolean defersSync() {
        return walSync != null;
    }

    /**
     * As {@link #inTransaction}, but where {@link #defersSync} the commit is written and not yet
     * synced: nothing may be acknowledged for it before a {@link #syncCommits} that began after this
     * returned. The writer can meanwhile go on with its next transaction.
     */
    public <T> T inTransactionSyncLater(TransactionWork<T> work) throws SQLException {
        return inTransaction(work, walSync != null);
    }

    /** Makes every commit that returned before this call durable (see {@link WalSync}). */
    public void syncCommits() throws java.io.IOException {
        if (walSync != null) walSync.sync();
    }

    /** Syncs of {@link #syncCommits} begun and completed so far (both 0 where commits sync themselves). */
    public long[] syncCounts() {
        return walSync == null ? new long[2] : walSync.counts();
    }

    private <T> T inTransaction(TransactionWork<T> work, boolean syncLater) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Connection c = pool.getConnection();
            boolean clean = true;
            try {
                if (syncLater) execute(c, SYNC_AT_CHECKPOINTS_ONLY);
                return dialect == Dialect.SQLITE ? sqliteTransaction(c, work) : jdbcTransaction(c, work);
            } catch (SQLException | RuntimeException | Error e) {
                clean = undo(c, e);
                if (e instanceof SQLException s && dialect.isRetryable(s) && attempt < MAX_ATTEMPTS) {
                    backOff(attempt);
                    continue;
                }
                throw e;
            } finally {
                // a pooled connection that would not sync its commits must never serve another path
                if (syncLater && clean) clean = quietly(c, SYNC_EVERY_COMMIT);
                if (!clean) pool.evictConnection(c);
                c.close();
            }
        }
    }

    private static final String SYNC_AT_CHECKPOINTS_ONLY = "PRAGMA synchronous=NORMAL";
    private static final String SYNC_EVERY_COMMIT = "PRAGMA synchronous=FULL";

    private static boolean quietly(Connection c, String sql) {
        try {
            execute(c, sql);
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * SQLite's transaction by plain statements, the connection staying in JDBC auto-commit: the
     * driver's own handling sets its auto-commit flag before its BEGIN, so a BEGIN that found the
     * database busy left the flag set and no transaction open; and its commit() begins the next
     * transaction at once, taking the write lock again (and possibly failing after the commit).
     */
    private static <T> T sqliteTransaction(Connection c, TransactionWork<T> work) throws SQLException {
        execute(c, "BEGIN IMMEDIATE");
        T result = work.run(SqliteStatementCache.wrap(c));
        execute(c, "COMMIT");
        return result;
    }

    private static <T> T jdbcTransaction(Connection c, TransactionWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        T result = work.run(c);
        c.commit();
        c.setAutoCommit(true);
        return result;
    }

    /** Rolls back after a failure; false when the connection's state is unknown and it must not be reused. */
    private boolean undo(Connection c, Throwable cause) {
        try {
            if (dialect == Dialect.SQLITE) {
                SqliteStatementCache.forget(c);
                execute(c, "ROLLBACK");
            } else {
                c.rollback();
                c.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            // SQLite: BEGIN failed, or SQLite already rolled back by itself (I/O error, disk full)
            if (dialect == Dialect.SQLITE && String.valueOf(e.getMessage()).contains("no transaction is active")) return true;
            cause.addSuppressed(e);
            return false;
        } catch (RuntimeException | Error e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Runs read-only or single-statement work without an explicit transaction. */
    public <T> T withConnection(TransactionWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    /**
     * As {@link #withConnection}, for reads made of many small queries run again and again (the alert
     * evaluation), in one read transaction, so that they see one snapshot of the store whatever commits
     * meanwhile.
     * <ul>
     * <li>SQLite: each statement is compiled once per connection and kept, as transactions keep
     * theirs, rather than once per query (compiling was a tenth of an evaluation's CPU); and the WAL's
     * read lock is taken once rather than once per query.
     * <li>PostgreSQL: REPEATABLE READ, read only, with generic plans. The driver prepares a statement on
     * the server once it has run a few times, but PostgreSQL would still plan each execution anew for
     * its parameters (an {@code IN} list of domains): two fifths of an ingest batch's evaluation. These
     * statements all find their rows through a domain's index, which a generic plan uses as well. Set
     * in one statement (the driver's setters would each take a round trip, and the pool another to undo
     * each); {@code SET LOCAL} ends with the transaction, so the connection goes back as it came.
     * </ul>
     */
    public <T> T withCachedStatements(TransactionWork<T> work) throws SQLException {
        Connection c = pool.getConnection();
        boolean clean = true;
        try {
            T result;
            if (dialect == Dialect.SQLITE) {
                execute(c, "BEGIN DEFERRED");
                result = work.run(SqliteStatementCache.wrap(c));
                execute(c, "COMMIT");
            } else {
                c.setAutoCommit(false);
                execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL plan_cache_mode = force_generic_plan");
                result = work.run(c);
                c.commit();
            }
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            clean = undo(c, e); // a statement may have been left half-read; the snapshot must not outlive the work
            throw e;
        } finally {
            if (!clean) pool.evictConnection(c);
            c.close();
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 20 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (checkpointer != null) checkpointer.close();
        pool.close();
    }
}
