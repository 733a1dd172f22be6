package org.tlsrpthub.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.ChildJvm;
import org.tlsrpthub.hub.testsupport.GeneratedFiles;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/** Two hub processes import the same reports into one database at once: each report is stored exactly once. */
class TwoProcessImportTest {
    @TempDir
    Path dir;

    @Test
    void twoProcessesOnOnePostgresStoreEachReportExactlyOnce() throws Exception {
        twoProcessesImportTheSameReports(PostgresServer.freshDatabaseUrl());
    }

    @Test
    void twoProcessesOnOneSqliteFileStoreEachReportExactlyOnce() throws Exception {
        twoProcessesImportTheSameReports(DatabaseLocation.sqliteUrl(dir.resolve("data")));
    }

    private void twoProcessesImportTheSameReports(String url) throws Exception {
        Path reports = dir.resolve("reports");
        int total = GeneratedFiles.write(reports, 20, 5, 30); // 3,000 reports
        Database.open(url).close(); // migrate once up front; concurrent migration is Flyway's business, not this test's

        // Small batches so that the two processes really interleave.
        Process a = ChildJvm.start(dir.resolve("a.log"), "import", "--json", "--batch-size", "50", "--db", url, reports.toString());
        Process b = ChildJvm.start(dir.resolve("b.log"), "import", "--json", "--batch-size", "50", "--db", url, reports.toString());
        assertThat(a.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).as(Files.readString(dir.resolve("a.log"))).isZero();
        assertThat(b.exitValue()).as(Files.readString(dir.resolve("b.log"))).isZero();

        JsonNode ra = lastJsonLine(dir.resolve("a.log"));
        JsonNode rb = lastJsonLine(dir.resolve("b.log"));
        assertThat(ra.get("stored").asLong() + rb.get("stored").asLong()).isEqualTo(total);
        assertThat(ra.get("duplicates").asLong() + rb.get("duplicates").asLong()).isEqualTo(total);
        try (Database db = Database.open(url)) {
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(total);
            assertThat(Sql.count(db, "SELECT count(*) FROM raw_input")).isEqualTo(total);
            assertThat(Sql.count(db, "SELECT count(*) FROM report_sighting")).isEqualTo(total);
            RollupCheck.assertRollupsMatchRawRows(db);
        }
    }

    private static JsonNode lastJsonLine(Path log) throws Exception {
        var lines = Files.readAllLines(log).stream().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as(Files.readString(log)).isNotEmpty();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
