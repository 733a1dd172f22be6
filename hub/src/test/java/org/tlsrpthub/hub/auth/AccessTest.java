package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.web.WebHub;

/** The access gate over real HTTP: what is open, what needs a session or a token, and CSRF. */
class AccessTest {
    @TempDir Path dir;

    private static AccessService access(WebHub h) {
        return new AccessService(h.db, Clock.systemUTC());
    }

    @Test
    void withoutUsersPagesLeadToSetupWhichCreatesTheFirstAdminOnce() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            HttpResponse<String> r = h.get("/");
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/setup"));
            String token = WebHub.csrf(h.get("/setup").body());
            String setup = SetupToken.issue(h.db, Clock.systemUTC());
            assertThat(h.postForm("/setup", Map.of("user", "admin", "password", "long enough", "password2", "long enough",
                    "setup_token", setup)).statusCode()).as("no form token").isEqualTo(403);
            HttpResponse<String> noSetupToken = h.postForm("/setup",
                    Map.of("_csrf", token, "user", "admin", "password", "long enough", "password2", "long enough"));
            assertThat(noSetupToken.statusCode()).as("no setup token").isEqualTo(400);
            assertThat(noSetupToken.body()).contains("setup token is wrong");
            assertThat(h.postForm("/setup", Map.of("_csrf", token, "user", "admin", "password", "long enough", "password2", "long enough",
                    "setup_token", "guessed")).statusCode()).as("wrong setup token").isEqualTo(400);
            assertThat(access(h).hasUsers()).isFalse();
            HttpResponse<String> created = h.postForm("/setup",
                    Map.of("_csrf", token, "user", "admin", "password", "long enough", "password2", "long enough", "setup_token", setup));
            assertThat(created.statusCode()).isEqualTo(302);
            assertThat(h.get("/").statusCode()).as("signed in by setup").isEqualTo(200);
            assertThat(access(h).users()).extracting(User::name).containsExactly("admin");
            assertThat(access(h).users().get(0).admin()).isTrue();
            // once a user exists, the setup page is gone
            assertThat(h.get("/setup").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(access(h).addFirstAdmin("intruder", "another password".toCharArray(), setup)).isFalse();
        }
    }

    @Test
    void pagesRedirectToLoginAndSessionCookiesAreHttpOnlyAndSameSite() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            access(h).addUser("alice", "alice password".toCharArray(), false);
            for (String page : new String[] {"/", "/reports", "/quarantine", "/parse", "/tokens", "/domains/example.com"}) {
                HttpResponse<String> r = h.get(page);
                assertThat(r.statusCode()).as(page).isEqualTo(302);
                assertThat(r.headers().firstValue("Location").orElseThrow()).as(page).contains("/login?next=");
            }
            String token = WebHub.csrf(h.get("/login").body());
            HttpResponse<String> wrong = h.postForm("/login", Map.of("_csrf", token, "user", "alice", "password", "wrong password"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Wrong user name or password");
            HttpResponse<String> ok = h.postForm("/login", Map.of("_csrf", token, "user", "alice", "password", "alice password",
                    "next", "/quarantine"));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/quarantine"));
            String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tlsrpt_session=")).findFirst().orElseThrow();
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"); // plain HTTP here
            assertThat(h.get("/quarantine").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void signInRefusesForeignRedirectTargets() {
        assertThat(AccessRoutes.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(AccessRoutes.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(AccessRoutes.safeNext("/\\evil.example/")).isEqualTo("/");
        assertThat(AccessRoutes.safeNext("/reports?x=1")).isEqualTo("/reports?x=1");
        // browsers drop tabs and line breaks inside a URL: these would become //evil.example
        assertThat(AccessRoutes.safeNext("/\t/evil.example")).isEqualTo("/");
        assertThat(AccessRoutes.safeNext("/\n/evil.example")).isEqualTo("/");
        assertThat(AccessRoutes.safeNext("/\r\n/evil.example")).isEqualTo("/");
        assertThat(AccessRoutes.safeNext("/ /evil.example")).isEqualTo("/");
        assertThat(AccessRoutes.safeNext("/reports/%2F%2Fx")).isEqualTo("/reports/%2F%2Fx");
        assertThat(AccessRoutes.safeNext("/domains/example.com?period=30d&x=a:b")).isEqualTo("/domains/example.com?period=30d&x=a:b");
    }

    @Test
    void aSignInWithATabbedNextGoesHome() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            access(h).addUser("alice", "alice password".toCharArray(), true);
            String token = WebHub.csrf(h.get("/login").body());
            HttpResponse<String> ok = h.postForm("/login", Map.of("_csrf", token, "user", "alice", "password", "alice password",
                    "next", "/\t/evil.example"));
            assertThat(ok.statusCode()).isEqualTo(302);
            assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).isIn("/", h.url("/").toString()));
        }
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            access(h).addUser("alice", "alice password".toCharArray(), true);
            String csrf = h.signIn("alice", "alice password");
            assertThat(h.postForm("/tokens", Map.of("label", "x")).statusCode()).as("missing").isEqualTo(403);
            assertThat(h.postForm("/tokens", Map.of("label", "x", "_csrf", csrf + "x")).statusCode()).as("wrong").isEqualTo(403);
            assertThat(h.postForm("/logout", Map.of()).statusCode()).as("logout too").isEqualTo(403);
            assertThat(access(h).tokens()).isEmpty();
            assertThat(h.postForm("/tokens", Map.of("label", "grafana", "_csrf", csrf)).statusCode()).isEqualTo(200);
            assertThat(access(h).tokens()).extracting(ApiToken::label).containsExactly("grafana");
            // signing out ends the session on the server, not only in the browser
            assertThat(h.postForm("/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
            assertThat(h.get("/tokens").statusCode()).isEqualTo(302);
        }
    }

    @Test
    void onlyAdminsSeeAndRevokeOtherUsersTokens() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService a = access(h);
            a.addUser("admin", "admin password".toCharArray(), true);
            a.addUser("bob", "bob password".toCharArray(), false);
            NewToken admins = a.createToken("admin", "admin's");
            NewToken bobs = a.createToken("bob", "bob's");
            String csrf = h.signIn("bob", "bob password");
            String page = h.get("/tokens").body();
            assertThat(page).contains(bobs.id()).doesNotContain(admins.id());
            assertThat(h.postForm("/tokens/" + admins.id() + "/revoke", Map.of("_csrf", csrf)).statusCode()).isEqualTo(404);
            assertThat(a.token(admins.secret()).map(AccessService.TokenGrant::user)).contains("admin");
            assertThat(h.postForm("/tokens/" + bobs.id() + "/revoke", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
            assertThat(a.token(bobs.secret()).map(AccessService.TokenGrant::user)).isEmpty();
        }
    }

    @Test
    void apiAndMetricsNeedAValidTokenAndTheReportEndpointStaysOpen() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService a = access(h);
            a.addUser("script", "script password".toCharArray(), false);
            NewToken valid = a.createToken("script", "ci");
            NewToken revoked = a.createToken("script", "old");
            assertThat(a.revokeToken(revoked.id())).isTrue();

            for (String path : new String[] {"/api/v1/overview", "/metrics", "/api/openapi.json"}) {
                HttpResponse<String> none = h.get(path);
                assertThat(none.statusCode()).as(path + " without a token").isEqualTo(401);
                assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
                assertThat(h.get(path, "Authorization", "Bearer " + revoked.secret()).statusCode()).as(path + " revoked").isEqualTo(401);
                assertThat(h.get(path, "Authorization", "Bearer nonsense").statusCode()).as(path + " unknown").isEqualTo(401);
                assertThat(h.get(path, "Authorization", "Bearer " + valid.secret()).statusCode()).as(path + " valid").isEqualTo(200);
            }
            assertThat(h.get("/", "Authorization", "Bearer " + valid.secret()).statusCode()).isEqualTo(200);
            assertThat(a.tokens()).filteredOn(t -> t.id().equals(valid.id())).singleElement()
                    .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
            // only the hash is stored
            assertThat(a.tokens().toString()).doesNotContain(valid.secret());

            assertThat(h.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(h.get("/static/hub.css").statusCode()).isEqualTo(200);
            assertThat(h.get(org.tlsrpthub.hub.web.Assets.CHART_JS).statusCode()).isEqualTo(200);
            // the report endpoint answers (here: 4xx for an empty body), never 401 or a redirect
            var post = java.net.http.HttpRequest.newBuilder(h.url("/tlsrpt")).header("Content-Type", "application/tlsrpt+json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
            int status = h.browser.send(post, HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(status).isNotIn(302, 401, 403);
        }
    }
}
