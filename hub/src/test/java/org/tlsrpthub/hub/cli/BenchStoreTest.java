package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.Sql;

/** The benchmarks write generated reports: never into ./data, TLSRPT_STORE_URL or a store that holds anything. */
class BenchStoreTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/example.net-sts-failures.json").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void benchImportRefusesAStoreThatHoldsReportsAndLeavesItAlone() throws Exception {
        Path real = dir.resolve("real");
        assertThat(CliRun.run("--data-dir", real.toString(), "import", EXAMPLE.toString()).exitCode()).isZero();

        CliRun r = CliRun.run("--data-dir", real.toString(), "bench", "import", "--domains", "1", "--senders", "1", "--days", "2");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("refusing to benchmark into the store given with --db / --data-dir: it is not empty")
                .contains("1 rows in report");
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(real))) {
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(1);
        }
    }

    @Test
    void benchImportWritesIntoAFreshTemporaryStoreNotTheOneOfTheEnvironmentNorDotData() throws Exception {
        Path real = dir.resolve("real");
        assertThat(CliRun.run("--data-dir", real.toString(), "import", EXAMPLE.toString()).exitCode()).isZero();
        Path cwd = Files.createDirectory(dir.resolve("cwd"));
        Path out = dir.resolve("bench.out");

        // Another JVM, to give it a working directory and the environment of an operator's shell.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.tlsrpthub.hub.cli.Main", "bench", "import", "--domains", "1", "--senders", "2", "--days", "3"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("TLSRPT_STORE_URL", DatabaseLocation.sqliteUrl(real));
        pb.environment().put("TLSRPT_STORE_DATA_DIR", real.toString());
        Process p = pb.start();

        assertThat(p.waitFor()).as(Files.readString(out)).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("imported 6 reports (6 stored");
        assertThat(cwd.resolve("data")).doesNotExist();
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(real))) {
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).as("the environment's store is untouched").isEqualTo(1);
        }
    }

    @Test
    void benchDashboardFillsAnEmptySqliteStoreAndRefusesItThen() throws Exception {
        dashboardFillsAndRefusesThen(dir.resolve("bench").toString(), "--data-dir",
                DatabaseLocation.sqliteUrl(dir.resolve("bench")));
    }

    @Test
    void benchDashboardFillsAnEmptyPostgresqlStoreAndRefusesItThen() throws Exception {
        String url = PostgresServer.freshDatabaseUrl();
        dashboardFillsAndRefusesThen(url, "--db", url);
    }

    private static void dashboardFillsAndRefusesThen(String where, String option, String url) throws Exception {
        String[] bench = {option, where, "bench", "dashboard", "--domains", "13", "--senders", "2", "--days", "3", "--runs", "1"};
        assertThat(CliRun.run(bench).exitCode()).isZero();

        try (Database db = Database.open(url)) {
            // the first 10 domains imported whole, 2 senders x 3 days each; the 3 others only have rollups
            assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(10 * 2 * 3);
            assertThat(Sql.count(db, "SELECT count(*) FROM rollup_domain_total")).isEqualTo(13);
            for (String table : List.of("rollup_daily", "rollup_domain_daily", "rollup_domain_monthly",
                    "rollup_dimension_daily", "rollup_domain_total", "rollup_policy_daily")) {
                // domain12.example copies domain2.example (12 mod 10)
                assertThat(rows(db, table, "domain12.example")).as(table).isNotEmpty().isEqualTo(rows(db, table, "domain2.example"));
            }
            // the applied policies are copied verbatim: their text names the template's MX hosts
            assertThat(Sql.count(db, "SELECT count(*) FROM rollup_policy_applied WHERE policy_domain = 'domain12.example'"))
                    .isPositive().isEqualTo(Sql.count(db, "SELECT count(*) FROM rollup_policy_applied WHERE policy_domain = 'domain2.example'"));
        }
        CliRun again = CliRun.run(bench);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("it is not empty");
        String[] noFill = java.util.Arrays.copyOf(bench, bench.length + 1);
        noFill[bench.length] = "--no-fill";
        assertThat(CliRun.run(noFill).exitCode()).as("--no-fill reads what was filled").isZero();
    }

    // A domain's rows of a rollup table, its name blanked so that a copy compares equal to its template.
    private static List<String> rows(Database db, String table, String domain) throws Exception {
        return Sql.rows(db, "SELECT * FROM " + table + " WHERE policy_domain = ?", domain).stream()
                .map(row -> row.toString().replace(domain, "D")).sorted().toList();
    }
}
