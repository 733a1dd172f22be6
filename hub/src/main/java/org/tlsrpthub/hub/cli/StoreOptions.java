package org.tlsrpthub.hub.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import picocli.CommandLine.Option;

/**
 * Where the store is, shared by every command that uses it. Each option can also be set by an
 * environment variable and, except --config itself, in the config file (Java properties:
 * {@code db}, {@code data-dir}, {@code retention-days}); the command line wins, then the
 * environment, then the file.
 */
public final class StoreOptions {

    @Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = "${env:TLSRPT_DB_URL}",
            description = "Database: jdbc:postgresql://… or jdbc:sqlite:…; default an SQLite file in the data directory. Env TLSRPT_DB_URL.")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:TLSRPT_DATA_DIR}",
            description = "Data directory (default ./data). Env TLSRPT_DATA_DIR.")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:TLSRPT_CONFIG}",
            description = "Config file (Java properties: db, data-dir, retention-days). Env TLSRPT_CONFIG.")
    Path config;

    private Properties loaded;

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
        String url = db != null && !db.isBlank() ? db : configValue("db");
        Path dir = dataDir != null ? dataDir : configValue("data-dir") != null ? Path.of(configValue("data-dir")) : Path.of("data");
        return DatabaseLocation.resolve(url, dir);
    }

    Database open() {
        return Database.open(jdbcUrl());
    }
}
