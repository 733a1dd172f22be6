package org.tlsrpthub.hub.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.config.SettingsException;

/**
 * The HTTP server's settings (every key is documented in docs/receiving.md).
 *
 * @param bind              address to listen on ({@code http.bind}, default 127.0.0.1)
 * @param port              port ({@code http.port}, default 8080; 0 picks a free one)
 * @param path              the report endpoint ({@code http.path}, default /tlsrpt)
 * @param tlsCert           PEM certificate chain, or null for plain HTTP ({@code http.tls.certificate})
 * @param tlsKey            PEM PKCS#8 private key ({@code http.tls.key})
 * @param trustedProxies    proxies whose X-Forwarded-For is believed ({@code http.trusted-proxies})
 * @param maxBodyBytes      largest request body ({@code http.max-body-bytes}, default 25 MiB)
 * @param maxInFlightBytes  body bytes all requests together may hold ({@code http.max-in-flight-bytes},
 *                          default 64 MiB or the largest body if more); beyond it 503 with Retry-After
 * @param ratePerMinute     reports per client address per minute, 0 = off ({@code http.rate-limit.per-minute})
 * @param rateBurst         bucket size ({@code http.rate-limit.burst}, default = per-minute)
 * @param otherDomainStatus 403 or 422 for a report about a domain that is not served and rejected
 * @param bodyTimeout       how long a body may take to arrive ({@code http.body-timeout-seconds})
 * @param queueLimit        inputs waiting for a commit before 503 ({@code http.queue-limit})
 * @param batchLimit        most inputs in one group commit ({@code http.batch-limit})
 * @param virtualThreads    one virtual thread per request ({@code http.virtual-threads}, default true)
 * @param commitTimeout     longest wait of any receiver for its commit before a temporary failure, and
 *                          how long one commit may take before /readyz calls the writer stalled
 *                          ({@code http.commit-timeout-seconds}, default 60)
 */
public record HttpSettings(String bind, int port, String path, Path tlsCert, Path tlsKey, List<String> trustedProxies,
        long maxBodyBytes, long maxInFlightBytes, int ratePerMinute, int rateBurst, int otherDomainStatus, Duration bodyTimeout,
        int queueLimit, int batchLimit, boolean virtualThreads, Duration commitTimeout) {

    public static HttpSettings from(Settings s) {
        String path = s.get("http.path", "/tlsrpt");
        if (!path.startsWith("/")) throw new SettingsException("http.path must start with '/': " + path);
        String cert = s.get("http.tls.certificate");
        String key = s.get("http.tls.key");
        if ((cert == null) != (key == null)) {
            throw new SettingsException("http.tls.certificate and http.tls.key must be set together");
        }
        int perMinute = s.getInt("http.rate-limit.per-minute", 600);
        int status = Integer.parseInt(s.getChoice("http.other-domain-status", "422", "403", "422"));
        long maxBody = s.getLong("http.max-body-bytes", 25L * 1024 * 1024);
        long maxInFlight = s.getLong("http.max-in-flight-bytes", Math.max(64L * 1024 * 1024, maxBody));
        if (maxInFlight < maxBody) {
            throw new SettingsException("http.max-in-flight-bytes (" + maxInFlight + ") must be at least http.max-body-bytes ("
                    + maxBody + "), or no report of the largest allowed size could ever be taken");
        }
        return new HttpSettings(
                s.get("http.bind", "127.0.0.1"),
                s.getInt("http.port", 8080),
                path,
                cert == null ? null : Path.of(cert),
                key == null ? null : Path.of(key),
                s.getList("http.trusted-proxies"),
                maxBody,
                maxInFlight,
                perMinute,
                s.getInt("http.rate-limit.burst", Math.max(perMinute, 1)),
                status,
                Duration.ofSeconds(s.getLong("http.body-timeout-seconds", 30)),
                s.getInt("http.queue-limit", 20_000),
                s.getInt("http.batch-limit", 1_000),
                s.getBoolean("http.virtual-threads", true),
                Duration.ofSeconds(positive(s, "http.commit-timeout-seconds", 60)));
    }

    private static long positive(Settings s, String key, long fallback) {
        long v = s.getLong(key, fallback);
        if (v <= 0) throw new SettingsException(key + " must be at least 1, not " + v);
        return v;
    }

    public boolean tls() {
        return tlsCert != null;
    }
}
