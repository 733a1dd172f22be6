package org.tlsrpthub.hub.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/**
 * The hub in a 256 MiB heap (issue 9 §5c): a report with 20,000 failure details is received over
 * HTTP, stored, and its page rendered, in another JVM started with -Xmx256m.
 */
class SmallHeapTest {
    static final int DETAILS = 20_000;

    @TempDir
    Path dir;

    @Test
    void aTwentyThousandDetailReportIsStoredAndShownWithA256MiBHeap() throws Exception {
        Path out = dir.resolve("child.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SmallHeapTest.class.getName(), dir.resolve("store").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(out)).isZero();
        assertThat(Files.readString(out)).contains("stored " + DETAILS + " failure details; page of");
    }

    /** In the child JVM: receive, store and render; exit 0 only when all went well (an OOM exits 1). */
    public static void main(String[] args) throws Exception {
        try (WebHub web = new WebHub(Files.createDirectories(Path.of(args[0])))) {
            HttpResponse<String> posted = web.browser.send(HttpRequest.newBuilder(web.url("/tlsrpt"))
                    .header("Content-Type", "application/tlsrpt+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(report())).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 200) throw new AssertionError("POST /tlsrpt: " + posted.statusCode() + " " + posted.body());
            long id = Sql.count(web.db, "SELECT id FROM report");
            new AccessService(web.db, Clock.systemUTC()).addUser("reader", "reader password".toCharArray(), false);
            web.signIn("reader", "reader password");
            HttpResponse<String> page = web.get("/reports/" + id);
            if (page.statusCode() != 200 || !page.body().contains("big-20000")) {
                throw new AssertionError("GET /reports/" + id + ": " + page.statusCode());
            }
            long stored = Sql.count(web.db, "SELECT count(*) FROM failure_detail");
            System.out.println("stored " + stored + " failure details; page of " + page.body().length() + " characters");
        }
        System.exit(0); // the hub's non-daemon threads must not keep the child alive
    }

    // One policy, 20,000 failure details with distinct sending IPs (198.51.100.x / 203.0.113.x).
    static byte[] report() {
        StringBuilder details = new StringBuilder();
        for (int i = 0; i < DETAILS; i++) {
            if (i > 0) details.append(',');
            String ip = (i % 2 == 0 ? "198.51.100." : "203.0.113.") + (i % 250);
            details.append("{\"result-type\":\"certificate-expired\",\"sending-mta-ip\":\"").append(ip)
                    .append("\",\"receiving-mx-hostname\":\"mx").append(i).append(".example.com\",\"failed-session-count\":1}");
        }
        return ("{\"organization-name\":\"Example Sender\",\"date-range\":{\"start-datetime\":\"2025-05-01T00:00:00Z\","
                + "\"end-datetime\":\"2025-05-01T23:59:59Z\"},\"contact-info\":\"tlsrpt@sender.example\","
                + "\"report-id\":\"big-20000\",\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":"
                + "[\"version: STSv1\",\"mode: enforce\",\"mx: *.example.com\",\"max_age: 86400\"],\"policy-domain\":\"example.com\"},"
                + "\"summary\":{\"total-successful-session-count\":5,\"total-failure-session-count\":" + DETAILS + "},"
                + "\"failure-details\":[" + details + "]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
