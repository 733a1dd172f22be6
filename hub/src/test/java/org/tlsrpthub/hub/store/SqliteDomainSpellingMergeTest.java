package org.tlsrpthub.hub.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Migration V31 on SQLite. */
class SqliteDomainSpellingMergeTest extends DomainSpellingMergeContract {
    @TempDir Path dir;
    private int stores;

    @Override
    protected String emptyDatabaseUrl() {
        return DatabaseLocation.sqliteUrl(dir.resolve("store" + stores++));
    }
}
