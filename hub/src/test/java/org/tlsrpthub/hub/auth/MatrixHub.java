package org.tlsrpthub.hub.auth;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.ReportMail;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/**
 * The authorization matrix's hub: organisation 'default' (own.test, a report about it, a
 * quarantined input) and organisation 'other' (other.test, a report, and its member 'outsider');
 * one user per role in 'default' and a hub admin in no organisation, each signed in with a
 * browser session and holding an API token.
 */
final class MatrixHub implements AutoCloseable {
    /** Who asks. HUB is a hub admin without membership. */
    enum Principal { NONE, VIEWER, ANALYST, ADMIN, HUB }

    /** How they ask. */
    enum Via { SESSION, TOKEN }

    static final String PASSWORD = "matrix password";

    final WebHub web;
    final AccessService access;
    final long ownReport, otherReport, quarantined, ownIncident, otherIncident;
    private final Map<Principal, HttpClient> browsers = new EnumMap<>(Principal.class);
    private final Map<Principal, String> csrf = new EnumMap<>(Principal.class);
    private final Map<Principal, String> tokens = new EnumMap<>(Principal.class);
    private final AtomicInteger fresh = new AtomicInteger();

    MatrixHub(Path dir) throws Exception {
        web = new WebHub(dir);
        access = new AccessService(web.db, Clock.systemUTC());
        OrgService orgs = new OrgService(web.db, Clock.systemUTC());
        orgs.create(Scope.wholeHub(), "other", "The other organisation");
        for (Principal p : List.of(Principal.VIEWER, Principal.ANALYST, Principal.ADMIN)) {
            access.addUser(user(p), PASSWORD.toCharArray(), false, OrgService.DEFAULT_ORG, Role.valueOf(p.name()));
        }
        access.addUser(user(Principal.HUB), PASSWORD.toCharArray(), true, null, null);
        access.addUser("outsider", PASSWORD.toCharArray(), false, "other", Role.ADMIN);

        IngestService ingest = new IngestService(web.db, new CoreInputDecoder(), Clock.systemUTC());
        Provenance from = new Provenance(Channel.HTTPS, Instant.now(), "192.0.2.10", null, null);
        ingest.commit(List.of(ingest.prepare(ReportMail.json("own.test", "sender.example", "own-1").getBytes(StandardCharsets.UTF_8), from),
                ingest.prepare(ReportMail.json("other.test", "sender.example", "other-1").getBytes(StandardCharsets.UTF_8), from),
                ingest.prepare("{\"organization-name\": \"broken\", ".getBytes(StandardCharsets.UTF_8), from)));
        ownReport = reportAbout("own.test");
        otherReport = reportAbout("other.test");
        quarantined = Sql.count(web.db, "SELECT MAX(raw_input_id) FROM quarantine");
        // until assignment rules run at ingest (another part of issue 10), place the domains by hand
        Sql.update(web.db, "DELETE FROM domain_org WHERE domain IN ('own.test', 'other.test')");
        Sql.update(web.db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES ('own.test', 'default', 0), ('other.test', 'other', 0)");
        ownIncident = incidentAbout("own.test");
        otherIncident = incidentAbout("other.test");

        for (Principal p : List.of(Principal.VIEWER, Principal.ANALYST, Principal.ADMIN, Principal.HUB)) {
            HttpClient b = browser();
            browsers.put(p, b);
            csrf.put(p, signIn(b, user(p)));
            tokens.put(p, access.createToken(user(p), "matrix").secret());
        }
    }

    static String user(Principal p) {
        return "m-" + p.name().toLowerCase();
    }

    /** An open incident about the domain, as the rules would leave it. */
    private long incidentAbout(String domain) throws Exception {
        Sql.update(web.db, "INSERT INTO incident (domain, rule, subject, severity, state, summary, parties, evidence, opened_at,"
                + " updated_at, last_seen_at) VALUES (?, 'failure-rate', '', 'warning', 'open', 'matrix', '', '{}', 0, 0, 0)", domain);
        return Sql.count(web.db, "SELECT MAX(id) FROM incident WHERE domain = ?", domain);
    }

    private long reportAbout(String domain) throws Exception {
        return Sql.count(web.db, "SELECT MAX(report_id) FROM policy WHERE policy_domain = ?", domain);
    }

    /** A new member of 'default', for a case that removes one. */
    String freshMember() throws Exception {
        String name = "fresh-" + fresh.incrementAndGet();
        access.addUser(name, PASSWORD.toCharArray(), false, OrgService.DEFAULT_ORG, Role.VIEWER);
        return name;
    }

    /** A new token of the principal's own (for NONE: of the viewer), for a case that revokes one. */
    String freshTokenId(Principal p) throws Exception {
        return access.createToken(user(p == Principal.NONE ? Principal.VIEWER : p), "fresh").id();
    }

    String freshOutsiderTokenId() throws Exception {
        return access.createToken("outsider", "fresh", "other", null).id();
    }

    /** A request as {@code p} over {@code via}; a fresh session when asked (for sign-out and switching). */
    HttpResponse<String> send(Principal p, Via via, boolean freshSession, String method, String path, String form, String json)
            throws Exception {
        HttpClient client = browsers.getOrDefault(p, PLAIN);
        String token = csrf.get(p);
        if (p != Principal.NONE && via == Via.SESSION && freshSession) {
            client = browser();
            token = signIn(client, user(p));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(web.url(path)).timeout(Duration.ofSeconds(30));
        if (p != Principal.NONE && via == Via.TOKEN) {
            client = PLAIN;
            b.header("Authorization", "Bearer " + tokens.get(p));
        }
        boolean session = p != Principal.NONE && via == Via.SESSION;
        if (session) b.header("X-CSRF-Token", token);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            body = HttpRequest.BodyPublishers.ofString(form + (session ? "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : ""));
        } else if (json != null) {
            b.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
        }
        return client.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private String signIn(HttpClient b, String user) throws Exception {
        String form = WebHub.csrf(b.send(HttpRequest.newBuilder(web.url("/login")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String body = Map.of("_csrf", form, "user", user, "password", PASSWORD).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = b.send(HttpRequest.newBuilder(web.url("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) throw new AssertionError("sign-in of " + user + " failed: " + r.statusCode());
        return WebHub.csrf(b.send(HttpRequest.newBuilder(web.url("/tokens")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Override
    public void close() {
        web.close();
    }
}
