package org.tlsrpthub.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.DashboardData;

/**
 * A real hub on 127.0.0.1 and a free port over SQLite in a temp dir, filled with the dashboard
 * test data, its clock fixed at {@link DashboardData#NOW}.
 *
 * <p>TODO(integration with webui): once authentication lands, send an API token header from here.
 */
final class ApiHub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Database db;
    final Hub hub;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiHub(Path dir) throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        DashboardData.load(db);
        hub = new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0")),
                db, DashboardData.CLOCK, s -> List.of()).start();
        AccessService access = new AccessService(db, DashboardData.CLOCK);
        // the dashboard data's domains are in no organisation (nothing assigns them at ingest here): a hub admin sees them
        access.addUser("api-tests", "api tests password".toCharArray(), true);
        bearer = "Bearer " + access.createToken("api-tests", "ApiHub").secret();
    }

    /** The API is for signed-in scripts only: every request carries a valid token. */
    private final String bearer;

    URI url(String pathAndQuery) {
        return hub.http().baseUrl().resolve(pathAndQuery);
    }

    HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(pathAndQuery)).header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String pathAndQuery, byte[] body, String contentType) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(pathAndQuery)).header("Authorization", bearer).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String text(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(pathAndQuery);
        if (r.statusCode() != 200) throw new AssertionError(pathAndQuery + " answered " + r.statusCode() + ": " + new String(r.body()));
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
        return JSON.readTree(text(pathAndQuery));
    }

    @Override
    public void close() {
        hub.close();
        db.close();
    }
}
