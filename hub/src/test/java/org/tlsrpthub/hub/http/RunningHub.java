package org.tlsrpthub.hub.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** A real hub for a test: SQLite in a temp dir, HTTP on 127.0.0.1 and a free port. */
final class RunningHub implements AutoCloseable {
    final Database db;
    final Hub hub;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private boolean closed;

    RunningHub(Path dir, Map<String, String> settings) throws Exception {
        this(DatabaseLocation.sqliteUrl(dir), settings);
    }

    RunningHub(String jdbcUrl, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", "0",
                "http.rate-limit.per-minute", "0"));
        all.putAll(settings);
        this.db = Database.open(jdbcUrl);
        this.hub = new Hub(Settings.of(all), db, Clock.systemUTC(), s -> List.of()).start();
        this.url = hub.http().reportUrl();
    }

    RunningHub(Path dir) throws Exception {
        this(dir, Map.of());
    }

    URI url() {
        return url; // kept: after a stop the server no longer knows its port
    }

    HttpResponse<String> post(byte[] body, String contentType) throws IOException, InterruptedException {
        // A real sender gives up on a silent server too; the report then counts as not delivered.
        HttpRequest.Builder b = HttpRequest.newBuilder(url()).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Stops the hub (graceful); the database stays open for assertions until {@link #close}. */
    void stop() {
        if (closed) return;
        closed = true;
        hub.close();
    }

    @Override
    public void close() {
        stop();
        db.close();
    }

    static String typeFor(String fileName) {
        if (fileName.endsWith(".gz")) return "application/tlsrpt+gzip";
        if (fileName.endsWith(".eml")) return "message/rfc822";
        return "application/tlsrpt+json";
    }
}
