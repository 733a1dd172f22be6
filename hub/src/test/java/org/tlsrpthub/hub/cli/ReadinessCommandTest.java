package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** {@code readiness DOMAIN} and {@code readiness stale DOMAIN} on a real store. */
class ReadinessCommandTest {
    private static final String AT = "2026-06-01T12:00:00Z";

    @TempDir
    Path dir;

    @BeforeEach
    void fill() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            ReadinessScenario.readyWithStaleReporter(db);
        }
    }

    @Test
    void jsonHasExactlyTheFieldsTheIssueNames() throws Exception {
        CapturedCli run = CapturedCli.run("readiness", "ready.example", "--at", AT, "--json", "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("domain", "verdict", "reasons", "would_break", "window", "policy");
        assertThat(json.get("verdict").asText()).isEqualTo("ready");
        JsonNode w = json.get("would_break").get(0);
        for (String f : List.of("reporter", "mx", "result_type", "sessions_per_day", "persistent", "fix")) assertThat(w.has(f)).as(f).isTrue();
        assertThat(w.get("reporter").asText()).isEqualTo("small-isp.example");
        assertThat(json.get("policy").get("mode").asText()).isEqualTo("testing");
        assertThat(json.get("window").get("days_observed").asInt()).isEqualTo(20);
    }

    @Test
    void textNamesTheVerdictReasonsAndWhatWouldBreak() {
        CapturedCli run = CapturedCli.run("readiness", "ready.example", "--at", "2026-06-01", "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ready.example: ready", "20 day(s)", "small-isp.example", "starttls-not-supported", "fix:");
    }

    @Test
    void staleListsTheReporterStillOnTheOldPolicy() throws Exception {
        CapturedCli run = CapturedCli.run("readiness", "stale", "ready.example", "--at", AT, "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("late.example", "old-mx.ready.example", "604800", "changed 20 day(s) ago", "past the old max_age");
        CapturedCli json = CapturedCli.run("readiness", "stale", "ready.example", "--at", AT, "--json", "--data-dir", dir.toString());
        assertThat(Json.MAPPER.readTree(json.out()).get("reporters").get(0).get("reporter").asText()).isEqualTo("late.example");
    }

    @Test
    void badInputGetsAClearError() {
        CapturedCli badAt = CapturedCli.run("readiness", "ready.example", "--at", "yesterday", "--data-dir", dir.toString());
        assertThat(badAt.exitCode()).isEqualTo(2);
        assertThat(badAt.err()).contains("--at: 'yesterday' is neither a UTC day");
        CapturedCli unknown = CapturedCli.run("readiness", "nobody.example", "--data-dir", dir.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no domain nobody.example");
        CapturedCli noOrg = CapturedCli.run("readiness", "stale", "ready.example", "--org", "nope", "--data-dir", dir.toString());
        assertThat(noOrg.exitCode()).isEqualTo(2);
        assertThat(noOrg.err()).contains("--org: there is no organisation 'nope'");
        CapturedCli noDomain = CapturedCli.run("readiness", "--data-dir", dir.toString());
        assertThat(noDomain.exitCode()).isEqualTo(2);
        assertThat(noDomain.err()).contains("Missing required parameter: 'DOMAIN'");
    }
}
