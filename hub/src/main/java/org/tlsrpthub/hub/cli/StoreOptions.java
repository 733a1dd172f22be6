package org.tlsrpthub.hub.cli;

import java.nio.file.Path;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.SqliteTuning;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the store is, shared by every command that uses it, and the settings every command reads
 * first (so that an unknown key in the file or a TLSRPT_* variable stops any command, not only
 * {@code serve}). The store can also be set by the settings {@code store.url} and
 * {@code store.data-dir} (env {@code TLSRPT_STORE_URL}, {@code TLSRPT_STORE_DATA_DIR}); the command
 * line wins. SQLite's durability is tuned by {@code store.sqlite.synchronous} and
 * {@code store.sqlite.busy-timeout-ms}. They are global: given before or after the subcommand, picocli sets them on the root
 * command's instance, which {@link #of} finds.
 */
public final class StoreOptions {

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Database: jdbc:postgresql://… or jdbc:sqlite:…; default an SQLite file in the data directory. "
                    + "Setting store.url (env TLSRPT_STORE_URL).")
    String db;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default ./data). Setting store.data-dir (env TLSRPT_STORE_DATA_DIR).")
    Path dataDir;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE", defaultValue = "${env:TLSRPT_CONFIG}",
            description = {"Config file (Java properties) with any setting; env TLSRPT_CONFIG. Every setting, its",
                    "TLSRPT_* environment name and its default are listed in docs/receiving.md (\"Settings\");",
                    "an unknown or misspelt key stops the command, naming the closest valid one."})
    Path config;

    private Settings settings;

    /** The store options of the command line that {@code spec} belongs to. */
    static StoreOptions of(CommandSpec spec) {
        return ((Main) spec.root().userObject()).store;
    }

    /** The settings from the config file and the environment, checked for unknown keys. */
    Settings settings() {
        if (settings == null) settings = Settings.load(config);
        return settings;
    }

    /** The data directory: option, then setting, else ./data. */
    Path dataDir() {
        return dataDir != null ? dataDir : Path.of(settings().get("store.data-dir", "data"));
    }

    String jdbcUrl() {
        return jdbcUrl(sqliteTuning());
    }

    /** The store's URL with {@code tuning} for SQLite (the benchmarks compare tunings in one run). */
    String jdbcUrl(SqliteTuning tuning) {
        String url = db != null && !db.isBlank() ? db : settings().get("store.url");
        return DatabaseLocation.resolve(url, dataDir(), tuning);
    }

    /** store.sqlite.synchronous and store.sqlite.busy-timeout-ms from the settings. */
    SqliteTuning sqliteTuning() {
        try {
            return SqliteTuning.of(settings().get("store.sqlite.synchronous"), settings().get("store.sqlite.busy-timeout-ms"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + (config == null ? "" : " (environment or " + config + ")"), e);
        }
    }

    /** Parallel write transactions: as asked, else 1 on SQLite (a single writer) and 3 on PostgreSQL. */
    static int writers(int asked, Database db) {
        if (asked > 0) return db.dialect() == org.tlsrpthub.hub.store.Dialect.SQLITE ? 1 : asked;
        return db.dialect() == org.tlsrpthub.hub.store.Dialect.SQLITE ? 1 : 3;
    }

    /**
     * The store named on this command line with --db or --data-dir, else null: the benchmarks, which
     * write generated reports, ignore TLSRPT_STORE_URL, TLSRPT_STORE_DATA_DIR and the config file (they name
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
