package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.domains.OtherDomains;
import org.tlsrpthub.core.testsupport.Corpus;
import org.tlsrpthub.hub.testsupport.Sql;

/** The report endpoint's answers, one behaviour per test, against the real server and store. */
class ReportEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    static byte[] googleJson() throws Exception {
        return Files.readAllBytes(Corpus.reportsDir().resolve("dmarc-report-viewer__google.json"));
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        return p;
    }

    @Test
    void aDuplicateIsAnswered200AndStoredOnce() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            HttpResponse<String> first = hub.post(googleJson(), "application/tlsrpt+json");
            HttpResponse<String> again = hub.post(gzip(googleJson()), "application/tlsrpt+gzip");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(first.body()).get("status").asText()).isEqualTo("stored");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(again.body()).get("status").asText()).isEqualTo("duplicate");
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).isEqualTo(1);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report_sighting")).isEqualTo(1);
        }
    }

    @Test
    void theProvenanceRecordsHttpsTheClientAndTheRequestId() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            HttpResponse<String> r = hub.post(googleJson(), "application/tlsrpt+json");
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            List<List<Object>> rows = Sql.rows(hub.db, "SELECT channel, origin FROM raw_input");
            assertThat(rows).containsExactly(List.of("https", "127.0.0.1 request=" + id));
        }
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() throws Exception {
        try (RunningHub hub = new RunningHub(dir, Map.of("http.trusted-proxies", "127.0.0.0/8, ::1"))) {
            hub.client.send(HttpRequest.newBuilder(hub.url()).header("X-Forwarded-For", "198.51.100.7, 203.0.113.9")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(googleJson())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(Sql.rows(hub.db, "SELECT origin FROM raw_input").get(0).get(0).toString()).startsWith("203.0.113.9 ");
        }
        try (RunningHub hub = new RunningHub(dir.resolve("untrusted"))) {
            hub.client.send(HttpRequest.newBuilder(hub.url()).header("X-Forwarded-For", "203.0.113.9")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(googleJson())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(Sql.rows(hub.db, "SELECT origin FROM raw_input").get(0).get(0).toString()).startsWith("127.0.0.1 ");
        }
    }

    @Test
    void mislabelledAndGzipCodedBodiesAreRecognisedByTheirBytes() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            byte[] gz = gzip(googleJson());
            assertThat(hub.post(googleJson(), "application/tlsrpt+gzip").statusCode()).isEqualTo(200); // JSON called gzip
            assertThat(hub.post(gz, "application/tlsrpt+json").statusCode()).isEqualTo(200);           // gzip called JSON
            assertThat(hub.post(gz, null).statusCode()).isEqualTo(200);                                 // no label at all
            HttpResponse<String> coded = hub.client.send(HttpRequest.newBuilder(hub.url())
                    .header("Content-Type", "application/tlsrpt+json").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gz)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(coded.statusCode()).isEqualTo(200);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).isEqualTo(1);
        }
    }

    @Test
    void anUnsupportedMediaTypeOrCodingIs415() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            assertThat(problem(hub.post(googleJson(), "text/html"), 415).get("detail").asText()).contains("text/html");
            HttpResponse<String> br = hub.client.send(HttpRequest.newBuilder(hub.url())
                    .header("Content-Type", "application/tlsrpt+json").header("Content-Encoding", "br")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(googleJson())).build(), HttpResponse.BodyHandlers.ofString());
            problem(br, 415);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM raw_input")).isZero();
        }
    }

    @Test
    void malformedJsonIs400WithTheParsersMessageAndLocation() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            JsonNode p = problem(hub.post("{\n  \"organization-name\": \"x\",\n  \"policies\": [\n    {\"policy\" 1}]}".getBytes(StandardCharsets.UTF_8),
                    "application/tlsrpt+json"), 400);
            assertThat(p.get("type").asText()).endsWith("#bad-json");
            assertThat(p.get("line").asInt()).isEqualTo(4);
            assertThat(p.get("column").asInt()).isPositive();
            assertThat(p.get("pointer").asText()).as(p.toString()).startsWith("/policies");
            assertThat(p.get("requestId").asText()).hasSize(24);
            // Kept for the operator all the same (reprocess after a parser fix).
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM quarantine")).isEqualTo(1);
        }
    }

    @Test
    void brokenGzipIs400() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            byte[] gz = gzip(googleJson());
            byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
            assertThat(problem(hub.post(cut, "application/tlsrpt+gzip"), 400).get("type").asText()).endsWith("#bad-compression");
        }
    }

    @Test
    void aReportThatIsNotValidIs400WithItsPointer() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            String json = new String(googleJson(), StandardCharsets.UTF_8).replace("\"policies\"", "\"policiez\"");
            JsonNode p = problem(hub.post(json.getBytes(StandardCharsets.UTF_8), "application/tlsrpt+json"), 400);
            assertThat(p.get("type").asText()).endsWith("#bad-report");
        }
    }

    @Test
    void aBodyOverTheLimitIs413ByContentLengthAndWhileReading() throws Exception {
        try (RunningHub hub = new RunningHub(dir, Map.of("http.max-body-bytes", "1000"))) {
            byte[] big = new byte[5000];
            java.util.Arrays.fill(big, (byte) ' ');
            assertThat(problem(hub.post(big, "application/tlsrpt+json"), 413).get("detail").asText()).contains("Content-Length");
            // Chunked: no Content-Length, so the limit is enforced while reading.
            HttpResponse<String> chunked = hub.client.send(HttpRequest.newBuilder(hub.url())
                    .header("Content-Type", "application/tlsrpt+json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(problem(chunked, 413).get("detail").asText()).contains("more than the limit");
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM raw_input")).isZero();
        }
    }

    @Test
    void aGzipBombIsRefusedWith413AndTheServerGoesOn() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            // 80 MB of spaces inside a JSON string inflate past the 64 MB decompression limit.
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write("{\"organization-name\":\"".getBytes(StandardCharsets.US_ASCII));
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 80; i++) gz.write(spaces);
            }
            assertThat(out.size()).isLessThan(200_000);
            JsonNode p = problem(hub.post(out.toByteArray(), "application/tlsrpt+gzip"), 413);
            assertThat(p.get("detail").asText()).containsIgnoringCase("limit");
            assertThat(hub.post(googleJson(), "application/tlsrpt+json").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDomainThatIsNotServedIs422WhenRejectedAnd202WhenQuarantined() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            DomainStore domains = new DomainStore(hub.db, Clock.systemUTC());
            domains.add("served.example", Actor.system());
            domains.setOtherDomains(OtherDomains.REJECT, Actor.system());
            JsonNode p = problem(hub.post(googleJson(), "application/tlsrpt+json"), 422);
            assertThat(p.get("type").asText()).endsWith("#domain-not-served");
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM raw_input")).isZero();

            domains.setOtherDomains(OtherDomains.QUARANTINE, Actor.system());
            HttpResponse<String> q = hub.post(googleJson(), "application/tlsrpt+json");
            assertThat(q.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(q.body()).get("status").asText()).isEqualTo("quarantined");
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM quarantine")).isEqualTo(1);
            assertThat(Sql.count(hub.db, "SELECT count(*) FROM report")).isZero();
        }
    }

    @Test
    void aSourceOverItsRateIs429WithRetryAfter() throws Exception {
        try (RunningHub hub = new RunningHub(dir, Map.of("http.rate-limit.per-minute", "3"))) {
            for (int i = 0; i < 3; i++) assertThat(hub.post(googleJson(), "application/tlsrpt+json").statusCode()).isEqualTo(200);
            HttpResponse<String> r = hub.post(googleJson(), "application/tlsrpt+json");
            problem(r, 429);
            assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        }
    }

    @Test
    void otherMethodsOnTheEndpointAre405WithAllowPost() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            for (String method : new String[] {"GET", "PUT", "DELETE"}) {
                HttpResponse<String> r = hub.client.send(HttpRequest.newBuilder(hub.url())
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode p = problem(r, 405);
                assertThat(p.get("type").asText()).as(method).endsWith("#method-not-allowed");
                assertThat(r.headers().firstValue("Allow")).as(method).hasValue("POST");
            }
        }
    }

    @Test
    void healthIsUpWhileReadinessFollowsTheDatabase() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            URI base = hub.url().resolve("/");
            assertThat(get(hub, base.resolve("healthz"))).isEqualTo("200 {\"status\":\"up\"}");
            assertThat(get(hub, base.resolve("readyz"))).isEqualTo("200 {\"status\":\"ready\"}");
            ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.tlsrpthub.hub.http");
            ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log = new ch.qos.logback.core.read.ListAppender<>();
            log.start();
            logger.addAppender(log);
            try {
                hub.db.close(); // the store goes away under the running server
                assertThat(get(hub, base.resolve("healthz"))).isEqualTo("200 {\"status\":\"up\"}");
                // anyone may ask: the answer names no database detail, the log has it
                assertThat(get(hub, base.resolve("readyz"))).isEqualTo("503 {\"status\":\"database unavailable\"}");
                JsonNode p = problem(hub.post(googleJson(), "application/tlsrpt+json"), 503);
                assertThat(p.get("type").asText()).endsWith("#storage-unavailable");
                assertThat(p.get("detail").asText()).isEqualTo("the report could not be stored now; please retry later");
            } finally {
                logger.detachAppender(log);
            }
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("event=not-ready", "error=\"java.sql"));
            assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("event=storage-unavailable", "error=\"java.sql"));
        }
    }

    private static String get(RunningHub hub, URI u) throws Exception {
        HttpResponse<String> r = hub.client.send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    @Test
    void aSlowClientTimesOutWithoutBlockingOthers() throws Exception {
        try (RunningHub hub = new RunningHub(dir, Map.of("http.body-timeout-seconds", "5"))) {
            URI u = hub.url();
            CountDownLatch sending = new CountDownLatch(1);
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return trickle(u, sending);
                } finally {
                    sending.countDown(); // also when it could not connect: then the test fails below, never waits
                }
            });
            sending.await();
            // Not blocked: the normal request is answered while the slow one is still sending (a
            // server that served one at a time would answer it only after the slow one's timeout).
            assertThat(hub.post(googleJson(), "application/tlsrpt+json").statusCode()).isEqualTo(200);
            assertThat(slow).as("the slow client, when the normal request was answered").isNotDone();
            assertThat(slow.get()).as("the slow client's answer").satisfiesAnyOf(
                    s -> assertThat(s).startsWith("HTTP/1.1 408"),
                    s -> assertThat(s).isEqualTo("(connection closed)"));
        }
    }

    // Sends the headers, says so, and then one byte every 200 ms of a 1,000-byte body.
    private static String trickle(URI u, CountDownLatch sending) {
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + u.getPath() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Type: application/tlsrpt+json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sending.countDown();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 999; i++) {
                Thread.sleep(200);
                try {
                    out.write(' ');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                if (in.available() > 0) break;
            }
            byte[] answer = in.readNBytes(12);
            return answer.length == 0 ? "(connection closed)" : new String(answer, StandardCharsets.US_ASCII);
        } catch (java.net.SocketException e) {
            return "(connection closed)";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
