package org.tlsrpthub.hub.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.cli.CliRun;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.Sql;

/** {@code serve} runs retention as a job, and the CLI, the API and the page show its runs. */
class JobsSurfacesTest {
    @TempDir Path dir;

    @Test
    void serveRunsRetentionAndEverySurfaceShowsTheRuns() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir);
        try (Database db = Database.open(url);
                Hub hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "retention.days", "30",
                        "retention.interval-seconds", "1", "jobs.poll-interval-seconds", "1", "jobs.node-name", "node-under-test")),
                        db, Clock.systemUTC(), s -> List.of()).start()) {
            AccessService access = new AccessService(db, Clock.systemUTC());
            access.addUser("ops", "a long enough password".toCharArray(), true);
            String bearer = "Bearer " + access.createToken("ops", "jobs test").secret();
            Await.until(() -> Sql.count(db, "SELECT COUNT(*) FROM job_run WHERE task = 'retention' AND outcome = 'ok'") >= 2);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> api = client.send(HttpRequest.newBuilder(hub.http().baseUrl().resolve("/api/v1/jobs"))
                    .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(200);
            JsonNode job = named(new ObjectMapper().readTree(api.body()).get("items"), "retention"); // beside the live checks' job
            // retention runs every second, so its newest run may still be running (no outcome yet)
            JsonNode run = finished(job.get("latestRuns"));
            assertThat(run.get("node").asText()).isEqualTo("node-under-test");
            assertThat(run.get("detail").asText()).startsWith("kept 30 days: deleted 0 raw inputs");
            // serve keeps the overview's MTA-STS column judged through the same mechanism
            assertThat(named(new ObjectMapper().readTree(api.body()).get("items"), "readiness-column").get("name").asText())
                    .isEqualTo("readiness-column");

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(hub.http().baseUrl().resolve("/jobs"))
                    .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"job-retention\"", "node-under-test", "kept 30 days");

            CliRun cli = CliRun.run("jobs", "--json", "--db", url);
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(named(new ObjectMapper().readTree(cli.out()), "retention").get("name").asText()).isEqualTo("retention");
        }
    }

    private static JsonNode finished(JsonNode runs) {
        for (JsonNode r : runs) if ("ok".equals(r.path("outcome").asText())) return r;
        throw new AssertionError("no finished run in " + runs);
    }

    private static JsonNode named(JsonNode jobs, String name) {
        for (JsonNode j : jobs) if (j.get("name").asText().equals(name)) return j;
        throw new AssertionError("no job " + name + " in " + jobs);
    }

    @Test
    void aRetentionIntervalBelowOneSecondIsRefusedWithItsName() {
        Settings s = Settings.of(Map.of("retention.days", "30", "retention.interval-seconds", "0"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.tlsrpthub.hub.retention.RetentionJob.from(s, null, Clock.systemUTC()))
                .hasMessageContaining("retention.interval-seconds");
    }
}
