package org.tlsrpthub.hub.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.SqliteTuning;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the store is, shared by every command that uses it. Each option can also be set by an
 * environment variable and, except --config itself, in the config file (Java properties:
 * {@code db}, {@code data-dir}, {@code retention-days}, {@code store.sqlite.synchronous},
 * {@code store.sqlite.busy-timeout-ms}); the command line wins, then the
 * environment, then the file. They are global: given before or after the subcommand, picocli
 * sets them on the root command's instance, which {@link #of} finds.
 */
public final class StoreOptions {

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL", defaultValue = "${env:TLSRPT_DB_URL}",
            description = "Database: jdbc:postgresql://… or jdbc:sqlite:…; default an SQLite file in the data directory. Env TLSRPT_DB_URL.")
    String db;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = "${env:TLSRPT_DATA_DIR}",
            description = "Data directory (default ./data). Env TLSRPT_DATA_DIR.")
    Path dataDir;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE", defaultValue = "${env:TLSRPT_CONFIG}",
            description = "Config file (Java properties: db, data-dir, retention-days). Env TLSRPT_CONFIG.")
    Path config;

    private Properties loaded;

    /** The store options of the command line that {@code spec} belongs to. */
    static StoreOptions of(CommandSpec spec) {
        return ((Main) spec.root().userObject()).store;
    }

    /** A value from the config file, or null. */
    String configValue(String key) {
        if (config == null) return null;
        if (loaded == null) {
            loaded = new Properties();
            try (InputStream in = Files.newInputStream(config)) {
                loaded.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the config file " + config + ": " + e.getMessage(), e);
            }
        }
        String v = loaded.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The data directory: option, environment, config file, else ./data. */
    Path dataDir() {
        return dataDir != null ? dataDir : configValue("data-dir") != null ? Path.of(configValue("data-dir")) : Path.of("data");
    }

    String jdbcUrl() {
        return jdbcUrl(sqliteTuning());
    }

    /** The store's URL with {@code tuning} for SQLite (the benchmarks compare tunings in one run). */
    String jdbcUrl(SqliteTuning tuning) {
        String url = db != null && !db.isBlank() ? db : configValue("db");
        return DatabaseLocation.resolve(url, dataDir(), tuning);
    }

    /** store.sqlite.synchronous and store.sqlite.busy-timeout-ms: environment, then the config file. */
    SqliteTuning sqliteTuning() {
        try {
            return SqliteTuning.of(setting("store.sqlite.synchronous"), setting("store.sqlite.busy-timeout-ms"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + (config == null ? "" : " (environment or " + config + ")"), e);
        }
    }

    private String setting(String key) {
        String env = System.getenv(Settings.envName(key));
        return env != null && !env.isBlank() ? env.trim() : configValue(key);
    }

    /** Parallel write transactions: as asked, else 1 on SQLite (a single writer) and 3 on PostgreSQL. */
    static int writers(int asked, Database db) {
        if (asked > 0) return db.dialect() == org.tlsrpthub.hub.store.Dialect.SQLITE ? 1 : asked;
        return db.dialect() == org.tlsrpthub.hub.store.Dialect.SQLITE ? 1 : 3;
    }

    /**
     * The store named on this command line with --db or --data-dir, else null: the benchmarks, which
     * write generated reports, ignore TLSRPT_DB_URL, TLSRPT_DATA_DIR and the config file (they name
     * a real store).
     */
    String namedOnCommandLine(CommandSpec spec) {
        boolean db = false;
        boolean dir = false;
        for (ParseResult p = spec.root().commandLine().getParseResult(); p != null; p = p.subcommand()) {
            db |= p.hasMatchedOption("--db");
            dir |= p.hasMatchedOption("--data-dir");
        }
        if (!db && !dir) return null;
        return DatabaseLocation.resolve(db ? this.db : null, dir ? dataDir : Path.of("data"), sqliteTuning());
    }

    Database open() {
        return Database.open(jdbcUrl());
    }
}
