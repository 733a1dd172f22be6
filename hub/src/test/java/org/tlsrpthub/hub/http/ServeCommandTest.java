package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.testsupport.Corpus;
import java.time.Clock;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The real {@code serve} command in a child JVM: it prints its URL, takes a report, and stops on SIGTERM. */
class ServeCommandTest {
    @TempDir Path dir;

    @Test
    void aHubThatCannotBindStopsWhatItStarted() throws Exception {
        try (RunningHub first = new RunningHub(dir.resolve("a"))) {
            long committers = committerThreads();
            Settings taken = Settings.of(java.util.Map.of("http.bind", "127.0.0.1", "http.port",
                    Integer.toString(first.url().getPort())));
            try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir.resolve("b")))) {
                Hub second = new Hub(taken, db, Clock.systemUTC(), s -> List.of());
                assertThatThrownBy(second::start).hasStackTraceContaining("ddress");
            }
            assertThat(committerThreads()).as("no committer thread left behind").isEqualTo(committers);
        }
    }

    private static long committerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("group-commit")).count();
    }

    @Test
    void serveStartsTakesAReportOverCurlAndStopsGracefullyOnSigterm() throws Exception {
        Path config = dir.resolve("hub.properties");
        Files.writeString(config, "http.port=0\nhttp.bind=127.0.0.1\nhttp.path=/reports/tlsrpt\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.tlsrpthub.hub.cli.Main",
                "serve", "--config", config.toString(), "--data-dir", dir.resolve("data").toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("serve printed nothing; stderr:\n" + Files.readString(dir.resolve("stderr.txt")));
            }
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/reports/tlsrpt)").matcher(line);
            assertThat(m.find()).as(line).isTrue();
            String url = m.group(1);

            Path report = Corpus.reportsDir().resolve("tls-rpt-monitor__microsoft-report.json.gz");
            assertThat(Curl.run(List.of("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H",
                    "Content-Type: application/tlsrpt+gzip", "--data-binary", "@" + report, url))).isEqualTo("200");
            assertThat(Curl.run(List.of("curl", "-sS", url.replace("/reports/tlsrpt", "/readyz")))).contains("ready");
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        }
        String log = Files.readString(dir.resolve("stderr.txt"));
        assertThat(log).contains("event=request").contains("status=200").contains("outcome=stored")
                .contains("event=stopping").contains("event=stopped");
    }
}
