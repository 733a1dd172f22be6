package org.tlsrpthub.hub.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.DomainChecker;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** A real hub for page and access tests: SQLite in a temp dir, HTTP on 127.0.0.1:0, and a cookie-keeping client. */
public final class WebHub implements AutoCloseable {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public final Database db;
    public final Hub hub;
    public final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public WebHub(Path dir) throws Exception {
        this(Database.open(DatabaseLocation.sqliteUrl(dir)));
    }

    public WebHub(Database db) throws Exception {
        this(db, Clock.systemUTC());
    }

    /** A hub on {@code clock}: data made for a fixed day is served on a clock that sees that day (see DataClock). */
    public WebHub(Database db, Clock clock) throws Exception {
        this(db, new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0", "http.rate-limit.per-minute", "0")),
                db, clock, s -> List.of(), OFFLINE).start());
    }

    /** "Check now" on these hubs looks at no network: it stores a check with nothing found (the engine has its own tests). */
    public static final DomainChecker OFFLINE = d -> new DomainCheck(d, Instant.now(), List.of(), null, null, List.of(), null);

    /** A browser on a started hub, which it closes with the store. */
    public WebHub(Database db, Hub hub) {
        this.db = db;
        this.hub = hub;
    }

    public URI url(String path) {
        return hub.http().baseUrl().resolve(path);
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).GET();
        if (headers.length > 0) b.headers(headers);
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token in a page's forms. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no _csrf field in the page");
        return m.group(1);
    }

    /** Signs the client's cookie jar in; returns the session's CSRF token. */
    public String signIn(String user, String password) throws IOException, InterruptedException {
        String token = csrf(get("/login").body());
        HttpResponse<String> r = postForm("/login", Map.of("_csrf", token, "user", user, "password", password, "next", "/"));
        if (r.statusCode() != 302) throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.body());
        return csrf(get("/tokens").body());
    }

    @Override
    public void close() {
        hub.close();
        db.close();
    }
}
