package org.tlsrpthub.hub.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tlsrpthub.core.payload.Packing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.json.Reports;
import org.tlsrpthub.hub.cli.CliRun;

class ParseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }


    @Test
    void explainsAReportWithFailuresInPlainWords() throws Exception {
        Path file = write("r.json.gz", Packing.gzip(Reports.bytes(Reports.valid())));
        CliRun run = CliRun.run("parse", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Reporter:  Sender Inc. <tlsrpt@sender.example>")
                .contains("Period:    2026-11-01 00:00:00 to 2026-11-01 23:59:59 UTC")
                .contains("Sessions:  10 successful, 2 failed (16.67% failure rate)")
                .contains("Policy: sts for example.com")
                .contains("certificate-expired: 2 sessions [Certificate, high]")
                .contains("What to do:")
                .contains("$ openssl s_client -starttls smtp -connect mx1.example.com:25")
                .contains("Receiving MX hosts involved: mx1.example.com (198.51.100.7) ×2")
                .contains("Sending IPs involved: 192.0.2.1 ×2");
    }

    @Test
    void listsTheWarningsOfAnOddReport() throws Exception {
        Path file = write("odd.json", Reports.bytes(Reports.valid().replace("2026-11-01T00:00:00Z", "2026-11-01T00:00:00")));
        CliRun run = CliRun.run("parse", file.toString());
        assertThat(run.out()).contains("Warnings (accepted, but not as RFC 8460 says):")
                .contains("datetime-without-offset at /date-range/start-datetime");
    }

    @Test
    void readsStandardInput() {
        CliRun run = CliRun.runWithStdin(Reports.bytes(Reports.valid()), "parse", "--json", "-");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{\"source\":\"stdin\",\"ok\":true,\"error\":null,\"warnings\":[],\"reports\":[{");
    }

    @Test
    void printsOneJsonLinePerInputAndFailsWhenOneDoesNotParse() throws Exception {
        Path good = write("good.json", Reports.bytes(Reports.valid()));
        Path bad = write("bad.json", Reports.bytes(Reports.valid().replace("10,", "-10,")));
        CliRun run = CliRun.run("parse", "--json", good.toString(), bad.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]), second = JSON.readTree(lines[1]);
        assertThat(first.get("ok").asBoolean()).isTrue();
        assertThat(first.at("/reports/0/report-id").asText()).isEqualTo("r-1");
        assertThat(second.get("ok").asBoolean()).isFalse();
        assertThat(second.at("/error/pointer").asText()).isEqualTo("/policies/0/summary/total-successful-session-count");
        assertThat(second.at("/error/line").asInt()).isEqualTo(7);
        assertThat(second.at("/error/column").asInt()).isPositive();
        assertThat(second.at("/error/message").asText()).startsWith(bad + ": count must not be negative, found -10 at /policies");
        assertThat(second.get("reports")).isEmpty();
    }

    @Test
    void saysWhatIsWrongWithAnUnreadableFileWithoutAStackTrace() {
        CliRun run = CliRun.run("parse", dir.resolve("missing.json").toString(), dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("missing.json: no such file")
                .contains("is a directory")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void refusesInputOverTheConfiguredLimit() throws Exception {
        Path file = write("r.json", Reports.bytes(Reports.valid()));
        CliRun run = CliRun.run("parse", "--max-input-bytes", "100", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("exceeds 100 bytes");
    }

    @Test
    void refusesSomethingThatIsNotAReport() throws Exception {
        Path file = write("notes.txt", "just some notes".getBytes(StandardCharsets.UTF_8));
        CliRun run = CliRun.run("parse", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not JSON, gzip, zip or an email");
    }

    @Test
    void hasHelp() {
        CliRun run = CliRun.run("parse", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: tlsrpt-hub parse").contains("--json").contains("--max-input-bytes");
    }
}
