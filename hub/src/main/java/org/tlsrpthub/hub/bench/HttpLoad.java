package org.tlsrpthub.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts reports to an endpoint from {@code senders} concurrent senders with the JDK HttpClient and
 * measures throughput and per-request latency (send to full answer). Every answer must be 200:
 * anything else is counted as a failure, never as throughput.
 */
public final class HttpLoad {

    public record Result(int senders, int reports, int failures, double seconds, double p50Ms, double p99Ms, double maxMs) {
        public double perSecond() {
            return reports / seconds;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // what TLS-RPT senders speak; no h2c upgrade attempts
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public Result run(URI url, List<byte[]> bodies, int senders) throws Exception {
        long[] latencies = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                running.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/tlsrpt+gzip")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                        long t = System.nanoTime();
                        HttpResponse<Void> r = client.send(req, HttpResponse.BodyHandlers.discarding());
                        latencies[i] = System.nanoTime() - t;
                        if (r.statusCode() != 200) failures.incrementAndGet();
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

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }
}
