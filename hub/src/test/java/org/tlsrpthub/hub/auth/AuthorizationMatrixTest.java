package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.auth.RouteRules.Need.ADMIN;
import static org.tlsrpthub.hub.auth.RouteRules.Need.ANALYST;
import static org.tlsrpthub.hub.auth.RouteRules.Need.HUB_ADMIN;
import static org.tlsrpthub.hub.auth.RouteRules.Need.OPEN;
import static org.tlsrpthub.hub.auth.RouteRules.Need.SIGNED_IN;
import static org.tlsrpthub.hub.auth.RouteRules.Need.VIEWER;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.MatrixHub.Principal;
import org.tlsrpthub.hub.auth.MatrixHub.Via;

/**
 * Every route × (no credentials, viewer, analyst, admin, hub admin) × (browser session, API token) ×
 * (own organisation, and the other one where the route names a domain, report, member or token)
 * → the expected status, on a real hub over loopback. The table is this test's own, not
 * RouteRules': a route whose rule is wrong answers differently here. A registered route without
 * a row fails {@link #everyRegisteredRouteHasARow}: adding a route means adding one line below.
 */
class AuthorizationMatrixTest {
    @TempDir static Path dir;
    static MatrixHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = new MatrixHub(dir);
    }

    @AfterAll
    static void stop() {
        if (hub != null) hub.close();
    }

    interface PathOf {
        String path(MatrixHub h, Principal p) throws Exception;
    }

    /** One route: what it needs, a request that passes the gate with {@code ok}, and optionally one at another organisation. */
    static final class Row {
        final String method, template;
        final boolean api;
        final RouteRules.Need need;
        final PathOf own;
        final int ok;
        String form, json;
        PathOf other;
        int otherStatus;
        Map<Principal, Integer> otherFor = Map.of();
        Map<Principal, Integer> okFor = Map.of();
        boolean freshSession;
        Integer okByToken;

        Row(String method, String template, RouteRules.Need need, PathOf own, int ok) {
            this.method = method;
            this.template = template;
            this.api = template.startsWith("/api/") || template.equals("/metrics");
            this.need = need;
            this.own = own;
            this.ok = ok;
        }

        Row form(String f) { form = f; return this; }
        Row json(String j) { json = j; return this; }
        Row fresh() { freshSession = true; return this; }
        Row byToken(int status) { okByToken = status; return this; }
        Row other(PathOf p, int status, Map<Principal, Integer> exceptions) { other = p; otherStatus = status; otherFor = exceptions; return this; }
        Row otherData(PathOf p) { other = p; otherStatus = 404; otherFor = Map.of(Principal.HUB, ok); return this; }
        /** Quarantined inputs belong to no organisation: only hub admins see them; the others get 404 past the gate. */
        Row hubAdminsData() { okFor = Map.of(Principal.VIEWER, 404, Principal.ANALYST, 404, Principal.ADMIN, 404); return this; }
    }

    static Row get(String template, RouteRules.Need need, PathOf own, int ok) { return new Row("GET", template, need, own, ok); }
    static Row get(String template, RouteRules.Need need) { return get(template, need, (h, p) -> template, 200); }
    static Row post(String template, RouteRules.Need need, PathOf own, int ok) { return new Row("POST", template, need, own, ok); }
    static Row call(String method, String template, RouteRules.Need need, PathOf own, int ok) { return new Row(method, template, need, own, ok); }

    /** A snooze end the services accept: a day ahead, as a browser's date and time field sends it (UTC). */
    static final String SNOOZE_UNTIL = java.time.LocalDateTime.ofInstant(java.time.Instant.now().plus(java.time.Duration.ofDays(1)),
            java.time.ZoneOffset.UTC).withNano(0).toString();

    static final List<Row> TABLE = List.of(
            // open
            post("/tlsrpt", OPEN, (h, p) -> "/tlsrpt", 400),
            call("GET", "/tlsrpt", OPEN, (h, p) -> "/tlsrpt", 405), call("PUT", "/tlsrpt", OPEN, (h, p) -> "/tlsrpt", 405),
            call("PATCH", "/tlsrpt", OPEN, (h, p) -> "/tlsrpt", 405), call("DELETE", "/tlsrpt", OPEN, (h, p) -> "/tlsrpt", 405),
            get("/healthz", OPEN), get("/readyz", OPEN), get("/login", OPEN), post("/login", OPEN, (h, p) -> "/login", 403).form("user=x"),
            get("/setup", OPEN, (h, p) -> "/setup", 302), post("/setup", OPEN, (h, p) -> "/setup", 403).form("user=x"),
            get("*", OPEN, (h, p) -> "/static/hub.css", 200),
            // hosted MTA-STS policies: this client's Host is the hub's address, no policy host, so 404 for everyone
            get("/.well-known/mta-sts.txt", OPEN, (h, p) -> "/.well-known/mta-sts.txt", 404),
            call("HEAD", "/.well-known/mta-sts.txt", OPEN, (h, p) -> "/.well-known/mta-sts.txt", 404),
            post("/.well-known/mta-sts.txt", OPEN, (h, p) -> "/.well-known/mta-sts.txt", 405),
            call("PUT", "/.well-known/mta-sts.txt", OPEN, (h, p) -> "/.well-known/mta-sts.txt", 405),
            call("PATCH", "/.well-known/mta-sts.txt", OPEN, (h, p) -> "/.well-known/mta-sts.txt", 405),
            call("DELETE", "/.well-known/mta-sts.txt", OPEN, (h, p) -> "/.well-known/mta-sts.txt", 405),
            get("/mta-sts/ask", OPEN, (h, p) -> "/mta-sts/ask?domain=mta-sts.own.test", 404),
            // any signed-in user
            post("/logout", SIGNED_IN, (h, p) -> "/logout", 302).form("x=1").fresh(),
            post("/org/switch", SIGNED_IN, (h, p) -> "/org/switch", 302).form("org=default").fresh().byToken(400)
                    .other((h, p) -> "/org/switch", 403, Map.of(Principal.HUB, 302)),
            get("/api/v1/me", SIGNED_IN),
            // pages
            get("/", VIEWER),
            get("/domains/{domain}", VIEWER, (h, p) -> "/domains/own.test", 200).otherData((h, p) -> "/domains/other.test"),
            get("/reports", VIEWER),
            get("/reports/{id}", VIEWER, (h, p) -> "/reports/" + h.ownReport, 200).otherData((h, p) -> "/reports/" + h.otherReport),
            get("/reports/{id}/raw", VIEWER, (h, p) -> "/reports/" + h.ownReport + "/raw", 200)
                    .otherData((h, p) -> "/reports/" + h.otherReport + "/raw"),
            get("/quarantine", VIEWER),
            get("/quarantine/{id}", VIEWER, (h, p) -> "/quarantine/" + h.quarantined, 200).hubAdminsData(),
            get("/quarantine/{id}/raw", VIEWER, (h, p) -> "/quarantine/" + h.quarantined + "/raw", 200).hubAdminsData(),
            post("/quarantine/{id}/reprocess", ANALYST, (h, p) -> "/quarantine/" + h.quarantined + "/reprocess", 302).form("x=1").hubAdminsData(),
            get("/parse", VIEWER), post("/parse", VIEWER, (h, p) -> "/parse", 422).form("x=1"),
            get("/incidents", VIEWER),
            get("/incidents/{id}", VIEWER, (h, p) -> "/incidents/" + h.ownIncident, 200).otherData((h, p) -> "/incidents/" + h.otherIncident),
            post("/incidents/{id}/ack", ANALYST, (h, p) -> "/incidents/" + h.ownIncident + "/ack", 302).form("x=1")
                    .otherData((h, p) -> "/incidents/" + h.otherIncident + "/ack"),
            post("/incidents/{id}/snooze", ANALYST, (h, p) -> "/incidents/" + h.ownIncident + "/snooze", 302).form("until=" + SNOOZE_UNTIL)
                    .otherData((h, p) -> "/incidents/" + h.otherIncident + "/snooze"),
            get("/tokens", VIEWER), post("/tokens", VIEWER, (h, p) -> "/tokens", 200).form("label=matrix"),
            post("/tokens/{id}/revoke", VIEWER, (h, p) -> "/tokens/" + h.freshTokenId(p) + "/revoke", 302).form("x=1")
                    .other((h, p) -> "/tokens/" + h.freshOutsiderTokenId() + "/revoke", 404, Map.of(Principal.HUB, 302)),
            get("/org/members", ADMIN),
            post("/org/members", ADMIN, (h, p) -> "/org/members", 409).form("user=m-viewer&role=viewer"),
            post("/org/members/{user}/role", ADMIN, (h, p) -> "/org/members/m-viewer/role", 302).form("role=viewer")
                    .other((h, p) -> "/org/members/outsider/role", 404, Map.of()),
            post("/org/members/{user}/remove", ADMIN, (h, p) -> "/org/members/" + h.freshMember() + "/remove", 302).form("x=1")
                    .other((h, p) -> "/org/members/outsider/remove", 404, Map.of()),
            get("/notifications", VIEWER), get("/api/v1/notifications", VIEWER),
            get("/audit", ADMIN), get("/jobs", HUB_ADMIN), get("/api/v1/audit", ADMIN), get("/api/v1/audit.csv", ADMIN), get("/api/v1/jobs", HUB_ADMIN),
            // owners and assignment
            get("/owners", VIEWER), post("/owners/alert-route", ADMIN, (h, p) -> "/owners/alert-route", 302).form("alert_route=alerts%40own.test"),
            post("/domains/{domain}/owners", ADMIN, (h, p) -> "/domains/own.test/owners", 302).form("kind=email&name=team%40own.test")
                    .other((h, p) -> "/domains/other.test/owners", 404, Map.of()),
            post("/domains/{domain}/owners/remove", ADMIN, (h, p) -> "/domains/own.test/owners/remove", 302).form("kind=email&name=nobody%40own.test")
                    .other((h, p) -> "/domains/other.test/owners/remove", 404, Map.of()),
            get("/assignment", HUB_ADMIN),
            post("/assignment/assign", HUB_ADMIN, (h, p) -> "/assignment/assign", 302).form("domain=own.test&org=default"),
            post("/assignment/rules", HUB_ADMIN, (h, p) -> "/assignment/rules", 400).form("pattern=not+a+pattern&org=default"),
            post("/assignment/rules/remove", HUB_ADMIN, (h, p) -> "/assignment/rules/remove", 302).form("pattern=*.none.test"),
            post("/assignment/apply", HUB_ADMIN, (h, p) -> "/assignment/apply", 302).form("x=1"),
            get("/orgs", HUB_ADMIN), post("/orgs", HUB_ADMIN, (h, p) -> "/orgs", 400).form("slug=Bad+Slug"),
            post("/orgs/{org}/rename", HUB_ADMIN, (h, p) -> "/orgs/other/rename", 400).form("name="),
            post("/orgs/{org}/delete", HUB_ADMIN, (h, p) -> "/orgs/default/delete", 409).form("x=1"),
            post("/users/{user}/hub-admin", HUB_ADMIN, (h, p) -> "/users/m-hub/hub-admin", 302).form("hub_admin=true"),
            // machine-readable
            get("/metrics", VIEWER), get("/api/openapi.json", VIEWER), get("/api/v1/overview", VIEWER),
            get("/api/v1/failure-details", VIEWER),
            get("/api/v1/domains/{domain}", VIEWER, (h, p) -> "/api/v1/domains/own.test", 200)
                    .otherData((h, p) -> "/api/v1/domains/other.test"),
            get("/api/v1/domains/{domain}/daily", VIEWER, (h, p) -> "/api/v1/domains/own.test/daily", 200)
                    .otherData((h, p) -> "/api/v1/domains/other.test/daily"),
            get("/api/v1/domains/{domain}/breakdowns/{breakdown}", VIEWER, (h, p) -> "/api/v1/domains/own.test/breakdowns/reporters", 200)
                    .otherData((h, p) -> "/api/v1/domains/other.test/breakdowns/reporters"),
            get("/api/v1/domains/{domain}/readiness", VIEWER, (h, p) -> "/api/v1/domains/own.test/readiness", 200)
                    .otherData((h, p) -> "/api/v1/domains/other.test/readiness"),
            get("/api/v1/domains/{domain}/stale-policy", VIEWER, (h, p) -> "/api/v1/domains/own.test/stale-policy", 200)
                    .otherData((h, p) -> "/api/v1/domains/other.test/stale-policy"),
            get("/api/v1/reports", VIEWER),
            get("/api/v1/reports/{id}", VIEWER, (h, p) -> "/api/v1/reports/" + h.ownReport, 200)
                    .otherData((h, p) -> "/api/v1/reports/" + h.otherReport),
            get("/api/v1/reports/{id}/raw", VIEWER, (h, p) -> "/api/v1/reports/" + h.ownReport + "/raw", 200)
                    .otherData((h, p) -> "/api/v1/reports/" + h.otherReport + "/raw"),
            get("/api/v1/quarantine", VIEWER),
            get("/api/v1/quarantine/{id}", VIEWER, (h, p) -> "/api/v1/quarantine/" + h.quarantined, 200).hubAdminsData(),
            get("/api/v1/quarantine/{id}/raw", VIEWER, (h, p) -> "/api/v1/quarantine/" + h.quarantined + "/raw", 200).hubAdminsData(),
            get("/api/v1/incidents", VIEWER),
            get("/api/v1/incidents/{id}", VIEWER, (h, p) -> "/api/v1/incidents/" + h.ownIncident, 200)
                    .otherData((h, p) -> "/api/v1/incidents/" + h.otherIncident),
            post("/api/v1/incidents/{id}/ack", ANALYST, (h, p) -> "/api/v1/incidents/" + h.ownIncident + "/ack", 200)
                    .otherData((h, p) -> "/api/v1/incidents/" + h.otherIncident + "/ack"),
            post("/api/v1/incidents/{id}/snooze", ANALYST, (h, p) -> "/api/v1/incidents/" + h.ownIncident + "/snooze", 200)
                    .json("{\"until\":\"" + SNOOZE_UNTIL + "Z\"}").otherData((h, p) -> "/api/v1/incidents/" + h.otherIncident + "/snooze"),
            post("/api/v1/quarantine/{id}/reprocess", ANALYST, (h, p) -> "/api/v1/quarantine/" + h.quarantined + "/reprocess", 200).hubAdminsData(),
            // owners are read and changed in the organisation the request looks at, by hub admins too
            get("/api/v1/domains/{domain}/owners", VIEWER, (h, p) -> "/api/v1/domains/own.test/owners", 200)
                    .other((h, p) -> "/api/v1/domains/other.test/owners", 404, Map.of()),
            // team@own.test owns own.test already (the page row above added it): 200, {"added":false}
            post("/api/v1/domains/{domain}/owners", ADMIN, (h, p) -> "/api/v1/domains/own.test/owners", 200)
                    .json("{\"kind\":\"email\",\"name\":\"team@own.test\"}").other((h, p) -> "/api/v1/domains/other.test/owners", 404, Map.of()),
            call("DELETE", "/api/v1/domains/{domain}/owners/{kind}/{name}", ADMIN, (h, p) -> "/api/v1/domains/own.test/owners/email/nobody@own.test", 404),
            get("/api/v1/domains/{domain}/recipients", VIEWER, (h, p) -> "/api/v1/domains/own.test/recipients", 200)
                    .other((h, p) -> "/api/v1/domains/other.test/recipients", 404, Map.of()),
            get("/api/v1/alert-route", VIEWER),
            call("PUT", "/api/v1/alert-route", ADMIN, (h, p) -> "/api/v1/alert-route", 200).json("{\"alert_route\":\"alerts@own.test\"}"),
            call("PUT", "/api/v1/domains/{domain}/organisation", HUB_ADMIN, (h, p) -> "/api/v1/domains/own.test/organisation", 200)
                    .json("{\"org\":\"default\"}"),
            get("/api/v1/unassigned-domains", HUB_ADMIN), get("/api/v1/assignment-rules", HUB_ADMIN),
            post("/api/v1/assignment-rules", HUB_ADMIN, (h, p) -> "/api/v1/assignment-rules", 400).json("{\"pattern\":\"not a pattern\",\"org\":\"default\"}"),
            call("DELETE", "/api/v1/assignment-rules", HUB_ADMIN, (h, p) -> "/api/v1/assignment-rules?pattern=*.none.test", 404),
            post("/api/v1/assignment-rules/apply", HUB_ADMIN, (h, p) -> "/api/v1/assignment-rules/apply", 200).json("{}"),
            get("/api/v1/sso", HUB_ADMIN),
            get("/api/v1/org/members", ADMIN),
            post("/api/v1/org/members", ADMIN, (h, p) -> "/api/v1/org/members", 409).json("{\"user\":\"m-viewer\",\"role\":\"viewer\"}"),
            call("PUT", "/api/v1/org/members/{user}", ADMIN, (h, p) -> "/api/v1/org/members/m-viewer", 204).json("{\"role\":\"viewer\"}")
                    .other((h, p) -> "/api/v1/org/members/outsider", 404, Map.of()),
            call("DELETE", "/api/v1/org/members/{user}", ADMIN, (h, p) -> "/api/v1/org/members/" + h.freshMember(), 204)
                    .other((h, p) -> "/api/v1/org/members/outsider", 404, Map.of()),
            get("/api/v1/orgs", HUB_ADMIN),
            post("/api/v1/orgs", HUB_ADMIN, (h, p) -> "/api/v1/orgs", 400).json("{\"slug\":\"Bad Slug\"}"),
            call("PATCH", "/api/v1/orgs/{org}", HUB_ADMIN, (h, p) -> "/api/v1/orgs/other", 400).json("{\"displayName\":\"\"}"),
            call("DELETE", "/api/v1/orgs/{org}", HUB_ADMIN, (h, p) -> "/api/v1/orgs/default", 409),
            call("PUT", "/api/v1/users/{user}/hub-admin", HUB_ADMIN, (h, p) -> "/api/v1/users/m-hub/hub-admin", 204).json("{\"hubAdmin\":true}"),
            // live checks: read by any role, "check now" by analysts; another organisation's domain is not found
            get("/coverage", VIEWER), get("/api/v1/coverage", VIEWER), get("/api/v1/coverage.csv", VIEWER),
            post("/domains/{domain}/checks", ANALYST, (h, p) -> "/domains/own.test/checks", 302).form("x=1")
                    .otherData((h, p) -> "/domains/other.test/checks"),
            get("/api/v1/domains/{domain}/checks", VIEWER, (h, p) -> "/api/v1/domains/own.test/checks", 200)
                    .otherData((h, p) -> "/api/v1/domains/other.test/checks"),
            post("/api/v1/domains/{domain}/checks", ANALYST, (h, p) -> "/api/v1/domains/own.test/checks", 201).json("{}")
                    .otherData((h, p) -> "/api/v1/domains/other.test/checks"),
            // hosted MTA-STS policies: read by any role, changed by admins; own.test is never hosted here, so each
            // change is refused the same way every time (a refused page form returns to the page: 302)
            get("/domains/{domain}/mta-sts", VIEWER, (h, p) -> "/domains/own.test/mta-sts", 200).otherData((h, p) -> "/domains/other.test/mta-sts"),
            post("/domains/{domain}/mta-sts", ADMIN, (h, p) -> "/domains/own.test/mta-sts", 302).form("mode=testing&mx=mx..bad&max_age=604800")
                    .otherData((h, p) -> "/domains/other.test/mta-sts"),
            post("/domains/{domain}/mta-sts/promote", ADMIN, (h, p) -> "/domains/own.test/mta-sts/promote", 302).form("x=1")
                    .otherData((h, p) -> "/domains/other.test/mta-sts/promote"),
            post("/domains/{domain}/mta-sts/rollback", ADMIN, (h, p) -> "/domains/own.test/mta-sts/rollback", 302).form("to=none&reason=x")
                    .otherData((h, p) -> "/domains/other.test/mta-sts/rollback"),
            post("/domains/{domain}/mta-sts/import", ADMIN, (h, p) -> "/domains/own.test/mta-sts/import", 302).form("x=1")
                    .otherData((h, p) -> "/domains/other.test/mta-sts/import"),
            get("/api/v1/domains/{domain}/mta-sts", VIEWER, (h, p) -> "/api/v1/domains/own.test/mta-sts", 200)
                    .otherData((h, p) -> "/api/v1/domains/other.test/mta-sts"),
            post("/api/v1/domains/{domain}/mta-sts", ADMIN, (h, p) -> "/api/v1/domains/own.test/mta-sts", 400)
                    .json("{\"mode\":\"testing\",\"mx\":[\"mx..bad\"],\"max_age\":604800}").otherData((h, p) -> "/api/v1/domains/other.test/mta-sts"),
            post("/api/v1/domains/{domain}/mta-sts/promote", ADMIN, (h, p) -> "/api/v1/domains/own.test/mta-sts/promote", 409).json("{}")
                    .otherData((h, p) -> "/api/v1/domains/other.test/mta-sts/promote"),
            post("/api/v1/domains/{domain}/mta-sts/rollback", ADMIN, (h, p) -> "/api/v1/domains/own.test/mta-sts/rollback", 409)
                    .json("{\"to\":\"none\",\"reason\":\"x\"}").otherData((h, p) -> "/api/v1/domains/other.test/mta-sts/rollback"),
            post("/api/v1/domains/{domain}/mta-sts/import", ADMIN, (h, p) -> "/api/v1/domains/own.test/mta-sts/import", 409).json("{}")
                    .otherData((h, p) -> "/api/v1/domains/other.test/mta-sts/import"));

    @Test
    void everyRegisteredRouteHasARow() {
        Set<String> rows = new HashSet<>();
        for (Row r : TABLE) assertThat(rows.add(r.method + " " + r.template)).as("one row per route: " + r.method + " " + r.template).isTrue();
        List<String> registered = RouteRules.routes(hub.web.hub.http().app());
        assertThat(registered).hasSizeGreaterThan(40);
        assertThat(rows).as("rows for every registered route, and only for those (plus static files)")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(registered.stream(), Stream.of("GET *")).distinct().toList());
        assertThat(RouteRules.hub("/tlsrpt").missing(hub.web.hub.http().app())).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachPrincipalAsItsRuleSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row r : TABLE) {
            for (Principal p : Principal.values()) {
                for (Via via : p == Principal.NONE ? List.of(Via.SESSION) : List.of(Via.values())) {
                    String who = p == Principal.NONE ? "none" : p.name().toLowerCase() + " by " + via.name().toLowerCase();
                    tests.add(DynamicTest.dynamicTest(r.method + " " + r.template + " as " + who + " (own)",
                            () -> check(r, p, via, r.own, expectedOwn(r, p, via))));
                    if (r.other != null && p != Principal.NONE) {
                        tests.add(DynamicTest.dynamicTest(r.method + " " + r.template + " as " + who + " (other organisation)", () -> {
                            int own = expectedOwn(r, p, via);
                            boolean gateAnswers = own == 401 || own == 403 || via == Via.TOKEN && r.okByToken != null;
                            check(r, p, via, r.other, gateAnswers ? own : r.otherFor.getOrDefault(p, r.otherStatus));
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static int expectedOwn(Row r, Principal p, Via via) {
        if (r.need == OPEN) return r.ok;
        if (p == Principal.NONE) return r.api ? 401 : 302;
        boolean allowed = switch (r.need) {
            case SIGNED_IN -> true;
            case HUB_ADMIN -> p == Principal.HUB;
            default -> rank(p) >= rank(Principal.valueOf(r.need.name()));
        };
        if (!allowed) return 403;
        return via == Via.TOKEN && r.okByToken != null ? r.okByToken : r.okFor.getOrDefault(p, r.ok);
    }

    private static int rank(Principal p) {
        return switch (p) {
            case NONE -> 0;
            case VIEWER -> 1;
            case ANALYST -> 2;
            case ADMIN, HUB -> 3;
        };
    }

    private static void check(Row r, Principal p, Via via, PathOf path, int expected) throws Exception {
        String form = r.form;
        if (r.template.equals("/org/switch") && path == r.other) form = "org=other";
        HttpResponse<String> res = hub.send(p, via, r.freshSession, r.method, path.path(hub, p), form, r.json);
        assertThat(res.statusCode()).as(r.method + " " + r.template + " answered " + res.body()).isEqualTo(expected);
        if (expected == 302 && r.need != OPEN && p == Principal.NONE) {
            assertThat(res.headers().firstValue("Location").orElse("")).contains("/login");
        }
    }
}
