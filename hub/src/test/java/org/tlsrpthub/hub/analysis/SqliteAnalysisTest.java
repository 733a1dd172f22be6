package org.tlsrpthub.hub.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The dashboard queries on SQLite. */
class SqliteAnalysisTest extends AnalysisContract {
    private Path dir;

    @Override
    protected String emptyDatabaseUrl() throws Exception {
        dir = Files.createTempDirectory("tlsrpt-analysis-");
        return DatabaseLocation.sqliteUrl(dir);
    }

    @AfterAll
    void removeDir() throws Exception {
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
