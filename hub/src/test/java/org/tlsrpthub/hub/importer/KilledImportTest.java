package org.tlsrpthub.hub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.ChildJvm;
import org.tlsrpthub.hub.testsupport.GeneratedFiles;
import org.tlsrpthub.hub.testsupport.RollupCheck;
import org.tlsrpthub.hub.testsupport.Sql;

/** An import killed with SIGKILL half-way, then run again: every report exactly once, rollups consistent. */
class KilledImportTest {
    @TempDir
    Path dir;

    @Test
    void anImportKilledMidwayAndRunAgainStoresEveryReportExactlyOnce() throws Exception {
        Path reports = dir.resolve("reports");
        int total = GeneratedFiles.write(reports, 20, 10, 100); // 20,000 reports
        String url = DatabaseLocation.sqliteUrl(dir.resolve("data"));
        try (Database db = Database.open(url)) { // schema first, so the poll below can count
            Path log = dir.resolve("child.log");
            Process child = ChildJvm.start(log, "import", "--db", url, "--batch-size", "200", reports.toString());
            long seen = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (child.isAlive() && System.nanoTime() < deadline) {
                seen = Sql.count(db, "SELECT count(*) FROM report");
                if (seen >= total / 4) break;
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the child must still be importing when killed; log: %s", Files.readString(log)).isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback by the child
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long afterKill = Sql.count(db, "SELECT count(*) FROM report");
            assertThat(afterKill).as("killed midway").isBetween(1L, (long) total - 1);
            RollupCheck.assertRollupsMatchRawRows(db);

            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            ImportSummary again = new ImportRunner(ingest, Clock.systemUTC()).run(List.of(reports), n -> { });

            assertThat(again.stored() + again.duplicates()).isEqualTo(total);
            assertThat(again.stored()).isEqualTo(total - afterKill);
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(total);
            assertThat(Sql.count(db, "SELECT count(*) FROM (SELECT DISTINCT reporter_key, report_id, range_start, range_end FROM report) k"))
                    .isEqualTo(total);
            assertThat(Sql.count(db, "SELECT count(*) FROM raw_input")).isEqualTo(total);
            RollupCheck.assertRollupsMatchRawRows(db);
        }
    }
}
