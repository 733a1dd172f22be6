package org.tlsrpthub.hub.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Keeps SQLite's prepared statements across transactions. SQLite compiles every statement it is
 * given, and a write transaction prepares a dozen (a sixth of the group-commit writer's CPU, and
 * most of a one-report commit's); PostgreSQL's driver caches server-side on its own, the SQLite
 * driver does not, and the connection pool does not either.
 *
 * <p>{@link #wrap} gives the transaction's connection with {@code prepareStatement(sql)} answered
 * from a per-connection cache: statements are prepared on the pooled connection's underlying
 * SQLite connection (so the pool does not close them when the connection goes back), and their
 * {@code close()} only clears them for the next use. Transactions that fail {@link #forget} the
 * connection's statements, so a half-used one is never handed out again.
 */
final class SqliteStatementCache {
    private static final int PER_CONNECTION = 128;

    // Underlying connection -> its statements by SQL, least recently used first. Weak keys: a
    // connection the pool retires takes its entry with it.
    private static final Map<Connection, Map<String, PreparedStatement>> CACHES = new WeakHashMap<>();

    private SqliteStatementCache() {}

    /** {@code pooled} with cached statements; use it only within the current transaction. */
    static Connection wrap(Connection pooled) throws SQLException {
        Connection raw = pooled.unwrap(org.sqlite.SQLiteConnection.class);
        Map<String, PreparedStatement> cache = cacheOf(raw);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
                return reusable(statement(raw, cache, (String) args[0]));
            }
            return invoke(method, pooled, args);
        };
        return (Connection) Proxy.newProxyInstance(SqliteStatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /** Closes and drops the cached statements of {@code pooled}'s connection (after a failed transaction). */
    static void forget(Connection pooled) {
        try {
            Connection raw = pooled.unwrap(org.sqlite.SQLiteConnection.class);
            Map<String, PreparedStatement> cache;
            synchronized (CACHES) {
                cache = CACHES.remove(raw);
            }
            if (cache != null) {
                for (PreparedStatement ps : cache.values()) closeQuietly(ps);
            }
        } catch (SQLException e) {
            // not an SQLite connection, or closed: nothing cached to forget
        }
    }

    private static Map<String, PreparedStatement> cacheOf(Connection raw) {
        synchronized (CACHES) {
            return CACHES.computeIfAbsent(raw, k -> new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                    if (size() <= PER_CONNECTION) return false;
                    closeQuietly(eldest.getValue());
                    return true;
                }
            });
        }
    }

    // One transaction at a time uses a connection, so its cache needs no lock of its own.
    private static PreparedStatement statement(Connection raw, Map<String, PreparedStatement> cache, String sql)
            throws SQLException {
        PreparedStatement ps = cache.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = raw.prepareStatement(sql);
            cache.put(sql, ps);
        }
        return ps;
    }

    private static PreparedStatement reusable(PreparedStatement ps) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && (args == null || args.length == 0)) {
                ps.clearBatch();
                ps.clearParameters();
                return null;
            }
            return invoke(method, ps, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(SqliteStatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // a statement of a closed connection: already gone
        }
    }
}
