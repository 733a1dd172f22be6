package org.tlsrpthub.hub.store;

import java.util.Locale;

/**
 * How SQLite trades safety for speed: {@code store.sqlite.synchronous} and
 * {@code store.sqlite.busy-timeout-ms} (docs/store.md).
 *
 * <p>FULL (the default) syncs the write-ahead log at every commit, so an acknowledged report
 * survives an OS crash or a power cut; NORMAL syncs only at checkpoints, which survives a killed
 * process but may lose the last commits on a power cut although they were acknowledged.
 *
 * @param synchronous       {@code full} or {@code normal}
 * @param busyTimeoutMillis how long a writer waits for another one's lock before the store fails
 */
public record SqliteTuning(String synchronous, int busyTimeoutMillis) {
    public static final SqliteTuning DEFAULT = new SqliteTuning("full", 30_000);

    public SqliteTuning {
        synchronous = parseSynchronous(synchronous);
        if (busyTimeoutMillis < 0) {
            throw new IllegalArgumentException("store.sqlite.busy-timeout-ms must be 0 or more, not " + busyTimeoutMillis);
        }
    }

    /** The tuning from setting values, either of which may be null (not set: the default). */
    public static SqliteTuning of(String synchronous, String busyTimeoutMillis) {
        int busy = DEFAULT.busyTimeoutMillis;
        if (busyTimeoutMillis != null) {
            try {
                busy = Integer.parseInt(busyTimeoutMillis.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("store.sqlite.busy-timeout-ms must be a whole number of milliseconds, not '"
                        + busyTimeoutMillis + "'");
            }
        }
        return new SqliteTuning(synchronous == null ? DEFAULT.synchronous : synchronous, busy);
    }

    public SqliteTuning withSynchronous(String value) {
        return new SqliteTuning(value, busyTimeoutMillis);
    }

    private static String parseSynchronous(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("full") && !v.equals("normal")) {
            throw new IllegalArgumentException("store.sqlite.synchronous must be full or normal, not '" + value + "'");
        }
        return v;
    }

    /** The URL parameters for this tuning. */
    String urlParameters() {
        return "synchronous=" + synchronous.toUpperCase(Locale.ROOT) + "&busy_timeout=" + busyTimeoutMillis;
    }

    /**
     * {@code url} with this tuning for each of the two parameters it does not name itself: an
     * explicit {@code --db} SQLite URL keeps what it says.
     */
    String applyTo(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(url);
        char sep = url.indexOf('?') < 0 ? '?' : '&';
        if (!lower.contains("synchronous=")) {
            out.append(sep).append("synchronous=").append(synchronous.toUpperCase(Locale.ROOT));
            sep = '&';
        }
        if (!lower.contains("busy_timeout=")) out.append(sep).append("busy_timeout=").append(busyTimeoutMillis);
        return out.toString();
    }
}
