package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.testsupport.Await;

/** One global cap on the report bytes all requests hold at once; beyond it 503 with Retry-After. */
class InFlightCapTest {
    @TempDir
    Path dir;

    @Test
    void bodiesBeyondTheCapGet503WhileASmallReportIsStillServed() throws Exception {
        try (RunningHub hub = new RunningHub(dir, Map.of("http.max-body-bytes", "90000", "http.max-in-flight-bytes", "100000"))) {
            URI u = hub.url();
            try (Socket slow = new Socket(u.getHost(), u.getPort())) {
                // A sender that declares 80,000 bytes, sends a little and holds the rest back.
                OutputStream out = slow.getOutputStream();
                out.write(("POST " + u.getPath() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Type: application/tlsrpt+json\r\n"
                        + "Content-Length: 80000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(filler(1000));
                out.flush();
                Await.until(() -> hub.hub.http().inFlightBytes() >= 80_000);

                HttpResponse<String> big = hub.post(filler(50_000), "application/tlsrpt+json");
                JsonNode p = ReportEndpointTest.problem(big, 503);
                assertThat(p.get("type").asText()).endsWith("#busy");
                assertThat(big.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());

                // a well-behaved sender with a normal report still fits
                assertThat(hub.post(ReportEndpointTest.googleJson(), "application/tlsrpt+json").statusCode()).isEqualTo(200);

                out.write(filler(79_000));
                out.flush();
                InputStream in = slow.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status).as("the slow sender is answered too (its body is no report)").isEqualTo("HTTP/1.1 400");
            }
            Await.until(() -> hub.hub.http().inFlightBytes() == 0);
            assertThat(hub.post(filler(50_000), "application/tlsrpt+json").statusCode()).as("the share was given back").isEqualTo(400);
        }
    }

    private static byte[] filler(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    // Waits for the server to reach a state; no time limit (the build's own timeout is the backstop).
}
