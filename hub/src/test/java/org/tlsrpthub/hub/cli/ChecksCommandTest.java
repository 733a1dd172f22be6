package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.bench.SampleChecks;
import org.tlsrpthub.hub.checks.CheckStore;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** {@code checks list}, {@code checks history} and {@code checks run} on a real SQLite store. */
class ChecksCommandTest {
    static final Instant AT = Instant.parse("2026-03-01T06:00:00Z");
    @TempDir Path dir;
    String url;

    @BeforeEach
    void store() throws Exception {
        url = DatabaseLocation.sqliteUrl(dir);
        assertThat(CliRun.run("domains", "add", "d3.test", "d5.test", "fresh.test", "--db", url).exitCode()).isZero();
        try (Database db = Database.open(url)) {
            CheckStore store = new CheckStore(db, 10);
            store.save(SampleChecks.of("d3.test", 3, AT), "schedule");   // TLS-RPT missing
            store.save(SampleChecks.of("d5.test", 5, AT), "schedule");   // a certificate expiring in 9 days
        }
    }

    @Test
    void listIsTheCoverageAsTextOrJson() throws Exception {
        CliRun text = CliRun.run("checks", "list", "--db", url);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("d3.test: checked 2026-03-01T06:00:00Z, 1 errors, 0 warnings; TLS-RPT missing (does not reach this hub)",
                "  publish: _smtp._tls.d3.test. IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@hub.example.net\"", "fresh.test: not checked yet");
        JsonNode soon = new ObjectMapper().readTree(CliRun.run("checks", "list", "--filter", "certificate-soon", "--json", "--db", url).out());
        assertThat(soon).hasSize(1);
        assertThat(soon.at("/0/domain").asText()).isEqualTo("d5.test");
        assertThat(soon.at("/0/min_days_to_expiry").asInt()).isEqualTo(9);
        CliRun bad = CliRun.run("checks", "list", "--filter", "soon", "--db", url);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--filter: unknown coverage filter 'soon': use one of all, not-checked");
    }

    @Test
    void historyShowsTheChecksAndEventsOfOneDomain() throws Exception {
        CliRun h = CliRun.run("checks", "history", "d3.test", "--db", url);
        assertThat(h.exitCode()).isZero();
        assertThat(h.out()).contains("2026-03-01T06:00:00Z (schedule): 1 findings", "  error tlsrpt-record-missing _smtp._tls.d3.test TXT: no TLS-RPT record",
                "event 2026-03-01T06:00:00Z finding-appeared _smtp._tls.d3.test TXT");
        JsonNode json = new ObjectMapper().readTree(CliRun.run("checks", "history", "d3.test", "--json", "--db", url).out());
        assertThat(json.at("/latest/check/tlsrpt/status").asText()).isEqualTo("missing");
        CliRun unknown = CliRun.run("checks", "history", "nowhere.test", "--db", url);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no domain nowhere.test");
    }

    @Test
    void runChecksTheDomainsThatAreDueAndStoresThem() throws Exception {
        try (Database db = Database.open(url)) { // checked a moment ago: not due again for hours; fresh.test never was
            CheckStore store = new CheckStore(db, 10);
            store.save(SampleChecks.of("d3.test", 3, Instant.now()), "schedule");
            store.save(SampleChecks.of("d5.test", 5, Instant.now()), "schedule");
        }
        // the check engine asks a loopback port where no DNS server listens: every lookup fails fast, as a finding
        Path config = Files.writeString(dir.resolve("hub.properties"), "checks.resolver=127.0.0.1:9\nchecks.dns-timeout-seconds=1\n");
        CliRun run = CliRun.run("checks", "run", "--json", "--db", url, "--config", config.toString());
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertThat(r.at("/domains").asInt()).isEqualTo(3);
        assertThat(r.at("/checked").asInt()).isEqualTo(1);
        assertThat(r.at("/errors").asInt()).isEqualTo(1); // the resolver did not answer
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(CliRun.run("checks", "list", "--filter", "not-checked", "--db", url).out()).contains("no domain (not checked yet)");
        assertThat(new ObjectMapper().readTree(CliRun.run("checks", "history", "fresh.test", "--json", "--db", url).out()).at("/latest/source").asText())
                .isEqualTo("cli");
    }
}
