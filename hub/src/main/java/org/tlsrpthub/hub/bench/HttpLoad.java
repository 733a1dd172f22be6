package org.tlsrpthub.hub.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts reports to an endpoint from {@code senders} concurrent senders and measures throughput and
 * per-request latency (send to full answer). Every answer must be 200: anything else is counted as
 * a failure, never as throughput.
 *
 * <p>Two clients. {@link Client#RAW} (the default) is a minimal HTTP/1.1 keep-alive client: one
 * socket per sender, a pre-built request (headers + body) written in one go, the status line,
 * headers and Content-Length (or chunked) body read back; no pipelining. It costs a few µs per
 * request, so that on a small machine the figures measure the server rather than the load
 * generator. {@link Client#JDK} is the JDK HttpClient (what a Java sender would use), which costs
 * about as much CPU per request as the server; kept for comparison. RAW speaks plain http only.
 */
public final class HttpLoad {

    public enum Client { RAW, JDK }

    public record Result(int senders, int reports, int failures, double seconds, double p50Ms, double p99Ms, double maxMs) {
        public double perSecond() {
            return reports / seconds;
        }
    }

    private final Client kind;
    private HttpClient jdk;

    public HttpLoad() {
        this(Client.RAW);
    }

    public HttpLoad(Client kind) {
        this.kind = kind;
    }

    public Result run(URI url, List<byte[]> bodies, int senders) throws Exception {
        if (kind == Client.RAW && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("the raw client speaks plain http only; use --client jdk for " + url);
        }
        long[] latencies = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                running.add(pool.submit(() -> {
                    Sender sender = kind == Client.RAW ? new RawSender(url) : new JdkSender(jdkClient(), url);
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < bodies.size()) {
                            long t = System.nanoTime();
                            int status = sender.post(bodies.get(i));
                            latencies[i] = System.nanoTime() - t;
                            if (status != 200) failures.incrementAndGet();
                        }
                    } finally {
                        sender.close();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(latencies);
        return new Result(senders, bodies.size(), failures.get(), seconds, pct(latencies, 50), pct(latencies, 99),
                latencies[latencies.length - 1] / 1e6);
    }

    private synchronized HttpClient jdkClient() {
        if (jdk == null) {
            jdk = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1) // what TLS-RPT senders speak; no h2c upgrade attempts
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }
        return jdk;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    private interface Sender extends AutoCloseable {
        int post(byte[] body) throws Exception;

        @Override
        void close();
    }

    private record JdkSender(HttpClient client, URI url) implements Sender {
        @Override
        public int post(byte[] body) throws Exception {
            HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/tlsrpt+gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        public void close() {}
    }

    /** One keep-alive connection; reconnects when the server closes it (or says it will). */
    static final class RawSender implements Sender {
        private final InetSocketAddress address;
        private final byte[] head;
        private final byte[] line = new byte[8192];
        private byte[] request = new byte[0];
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        RawSender(URI url) {
            int port = url.getPort() > 0 ? url.getPort() : 80;
            this.address = new InetSocketAddress(url.getHost(), port);
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
            this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
                    + "\r\nContent-Type: application/tlsrpt+gzip\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int post(byte[] body) throws IOException {
            int len = build(body);
            if (socket == null) connect();
            try {
                out.write(request, 0, len);
            } catch (IOException e) { // the server closed an idle connection: one fresh try
                reconnect();
                out.write(request, 0, len);
            }
            return readResponse();
        }

        // headers + body in one array, reused across requests: one write, one TCP segment when small
        private int build(byte[] body) {
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            int len = head.length + length.length + body.length;
            if (request.length < len) request = new byte[Math.max(len, 2 * request.length)];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(length, 0, request, head.length, length.length);
            System.arraycopy(body, 0, request, head.length + length.length, body.length);
            return len;
        }

        private int readResponse() throws IOException {
            String status = readLine();
            if (status == null || !status.startsWith("HTTP/1.")) throw new IOException("bad status line: " + status);
            int code = Integer.parseInt(status.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean close = status.startsWith("HTTP/1.0");
            String h;
            while ((h = readLine()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (h == null) throw new IOException("connection closed in the response headers");
            if (chunked) {
                long size;
                while ((size = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0) {
                    skip(size);
                    readLine();
                }
                while ((h = readLine()) != null && !h.isEmpty()) { } // trailers
            } else if (contentLength > 0) {
                skip(contentLength);
            } else if (contentLength < 0) {
                close = true; // body until the end of the connection
                while (in.read(line) >= 0) { }
            }
            if (close) closeSocket();
            return code;
        }

        private String readLine() throws IOException {
            int n = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    if (n > 0 && line[n - 1] == '\r') n--;
                    return new String(line, 0, n, StandardCharsets.ISO_8859_1);
                }
                if (n == line.length) throw new IOException("response line too long");
                line[n++] = (byte) b;
            }
            return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                int r = in.read(line, 0, (int) Math.min(line.length, n));
                if (r < 0) throw new IOException("connection closed in the response body");
                n -= r;
            }
        }

        private void connect() throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.setSoTimeout(30_000);
            s.connect(address, 10_000);
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = s.getOutputStream();
        }

        private void reconnect() throws IOException {
            closeSocket();
            connect();
        }

        private void closeSocket() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do: the connection is gone either way
                }
                socket = null;
            }
        }

        @Override
        public void close() {
            closeSocket();
        }
    }
}
