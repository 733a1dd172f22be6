package org.tlsrpthub.hub.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.User;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;

/**
 * Single sign-on over real HTTP against a real OpenID Connect provider on loopback, on SQLite and
 * PostgreSQL: the browser follows every redirect by hand and keeps its cookies.
 */
abstract class SsoContract {
    static final String MAPPING = "tlsrpt-acme-admins=acme:admin, tlsrpt-acme-staff=acme:viewer, tlsrpt-ops=default:analyst";

    @TempDir Path dir;
    LoopbackProvider provider;

    protected abstract String emptyDatabaseUrl();

    @BeforeEach
    void startProvider() throws Exception {
        provider = new LoopbackProvider();
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    /** A hub on a free loopback port, signing in with {@link #provider}. */
    final class RunningHub implements AutoCloseable {
        final Database db;
        final Hub hub;
        final URI base;

        RunningHub(Map<String, String> extra) throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            base = URI.create("http://127.0.0.1:" + port);
            Path secret = dir.resolve("client-secret");
            Files.writeString(secret, "client-s3cret-Zq7\n");
            Map<String, String> settings = new HashMap<>(Map.of("http.bind", "127.0.0.1", "http.port", Integer.toString(port),
                    "http.rate-limit.per-minute", "0", "http.public-url", base.toString(), "oidc.issuer", provider.issuer(),
                    "oidc.client-id", LoopbackProvider.CLIENT_ID, "oidc.client-secret-file", secret.toString(),
                    "oidc.role-mapping", MAPPING, "oidc.allow-loopback", "true"));
            settings.putAll(extra);
            db = Database.open(emptyDatabaseUrl());
            update("INSERT INTO organisation (slug, display_name, created_at) VALUES ('acme', 'Acme', 0)");
            hub = new Hub(Settings.of(settings), db, Clock.systemUTC(), s -> List.of()).start();
        }

        URI url(String path) {
            return base.resolve(path);
        }

        AccessService access() {
            return new AccessService(db, Clock.systemUTC());
        }

        List<String> users() throws Exception {
            return access().users().stream().map(User::name).toList();
        }

        /** The user's memberships as "org:role", by organisation. */
        List<String> memberships(String user) throws Exception {
            return rows("SELECT org || ':' || role FROM org_member WHERE user_name = ? ORDER BY org", user);
        }

        List<String> rows(String sql, String... args) throws Exception {
            return db.withConnection(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.add(rs.getString(1));
                    }
                }
                return out;
            });
        }

        void update(String sql) throws Exception {
            db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    return ps.executeUpdate();
                }
            });
        }

        @Override
        public void close() {
            hub.close();
            db.close();
        }
    }

    /** Starts a sign-in in {@code b} and follows it to the provider's answer: the callback URL, not yet visited. */
    static URI toCallback(Browser b, RunningHub h, String next) throws Exception {
        URI authorize = Browser.location(b.get(h.url("/oidc/sign-in?next=" + next)));
        return Browser.location(b.get(authorize));
    }

    static Map<String, Object> claims(String name, String email, boolean verified, String... groups) {
        Map<String, Object> c = new HashMap<>(Map.of("preferred_username", name, "email", email, "email_verified", verified));
        c.put("groups", List.of(groups));
        return c;
    }

    @Test
    void signInWithPkceCreatesTheUserWithTheMappedRolesAndTheClaimsSetThemAgainAtEachSignIn() throws Exception {
        try (RunningHub h = new RunningHub(Map.of())) {
            Browser b = new Browser();
            HttpResponse<String> login = b.get(h.url("/login"));
            assertThat(login.body()).contains("id=\"sso-sign-in\"").contains("href=\"/oidc/sign-in?next=%2F\"")
                    .as("local sign-in is still on").contains("name=\"password\"");

            provider.nextSignIn("sub-alice", claims("alice", "alice@acme.test", true, "tlsrpt-acme-admins", "tlsrpt-ops", "unmapped"));
            URI authorize = Browser.location(b.get(h.url("/oidc/sign-in?next=/reports")));
            assertThat(authorize.toString()).startsWith(provider.issuer() + "/authorize?").contains("code_challenge_method=S256")
                    .contains("code_challenge=").contains("nonce=").contains("state=").contains("response_type=code")
                    .contains("redirect_uri=" + java.net.URLEncoder.encode(h.base + "/oidc/callback", java.nio.charset.StandardCharsets.UTF_8));
            URI callback = Browser.location(b.get(authorize));
            assertThat(callback.toString()).startsWith(h.base + "/oidc/callback?");
            HttpResponse<String> done = b.get(callback);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
            assertThat(Browser.location(done).getPath()).isEqualTo("/reports");
            assertThat(b.get(h.url("/reports")).statusCode()).as("signed in").isEqualTo(200);
            assertThat(provider.requestBody("/token")).as("the PKCE verifier goes with the code").contains("code_verifier=");

            assertThat(h.users()).containsExactly("alice");
            assertThat(h.memberships("alice")).containsExactly("acme:admin", "default:analyst");
            assertThat(h.rows("SELECT user_name FROM oidc_identity WHERE issuer = ? AND subject = ?", provider.issuer(), "sub-alice"))
                    .containsExactly("alice");
            assertThat(h.access().checkPassword("alice", "".toCharArray())).as("no password works for an SSO user").isFalse();

            HttpResponse<String> replay = new Browser().get(callback);
            assertThat(replay.statusCode()).as("the answer is taken once, in the browser that started it").isEqualTo(400);
            assertThat(replay.body()).contains("unknown or has expired");

            // the provider moved alice: the next sign-in sets her memberships to what the claims now give
            provider.nextSignIn("sub-alice", claims("alice", "alice@acme.test", true, "tlsrpt-acme-staff"));
            Browser again = new Browser();
            assertThat(again.get(toCallback(again, h, "/")).statusCode()).isEqualTo(302);
            assertThat(h.users()).containsExactly("alice");
            assertThat(h.memberships("alice")).containsExactly("acme:viewer");

            // and when it takes every mapped group away, she is refused and keeps no membership
            provider.nextSignIn("sub-alice", claims("alice", "alice@acme.test", true, "unmapped"));
            Browser third = new Browser();
            HttpResponse<String> refused = third.get(toCallback(third, h, "/"));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("none of your groups or roles gives you access");
            assertThat(h.memberships("alice")).isEmpty();
            assertThat(third.get(h.url("/")).statusCode()).as("not signed in").isEqualTo(302);
            assertThat(b.get(h.url("/reports")).statusCode()).as("her earlier sessions end too").isEqualTo(302);

            assertThat(h.rows("SELECT actor || ' ' || action || ' ' || detail FROM audit_log WHERE action LIKE 'sign-in%' ORDER BY id"))
                    .as("the audit log says who signed in how, and why one was refused").containsExactly(
                            "alice sign-in single sign-on (" + provider.issuer() + ")",
                            " sign-in-failed single sign-on: This sign-in is unknown or has expired: it must finish in the browser that "
                                    + "started it, within 10 minutes, and only once. Please sign in again.", // the replayed answer
                            "alice sign-in single sign-on (" + provider.issuer() + ")",
                            "alice sign-in-failed single sign-on: You signed in at your identity provider, but none of your groups or roles "
                                    + "gives you access to this hub. Ask an administrator to add you to a group that the hub maps to an organisation.");
        }
    }

    @Test
    void someoneWithoutAMappedRoleIsRefusedAndNoUserIsCreated() throws Exception {
        try (RunningHub h = new RunningHub(Map.of())) {
            provider.nextSignIn("sub-mallory", claims("mallory", "mallory@acme.test", true, "tlsrpt-other", "staff"));
            Browser b = new Browser();
            HttpResponse<String> r = b.get(toCallback(b, h, "/"));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("none of your groups or roles gives you access").contains("href=\"/login\"");
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tlsrpt_session="));
            assertThat(h.users()).isEmpty();
            assertThat(h.rows("SELECT subject FROM oidc_identity")).isEmpty();
            assertThat(b.get(h.url("/")).statusCode()).as("not signed in").isEqualTo(302);
        }
    }

    @Test
    void anAnswerWithAnotherStateIsRefused() throws Exception {
        try (RunningHub h = new RunningHub(Map.of())) {
            provider.nextSignIn("sub-alice", claims("alice", "alice@acme.test", true, "tlsrpt-acme-admins"));
            Browser b = new Browser();
            URI callback = toCallback(b, h, "/");
            assertThat(callback.getQuery()).contains("state=");
            URI forged = URI.create(callback.toString().replaceFirst("state=[^&]+", "state=forged-state"));
            HttpResponse<String> r = b.get(forged);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("the state differs");
            assertThat(h.users()).isEmpty();
            assertThat(b.get(callback).statusCode()).as("the refused sign-in is used up; the real answer cannot follow").isEqualTo(400);
            assertThat(b.get(h.url("/")).statusCode()).isEqualTo(302);
        }
    }

    @Test
    void theProvidersOwnRefusalIsShownAndSignsNobodyIn() throws Exception {
        try (RunningHub h = new RunningHub(Map.of())) {
            provider.nextSignIn("sub-alice", claims("alice", "alice@acme.test", true, "tlsrpt-acme-admins"));
            Browser b = new Browser();
            URI callback = toCallback(b, h, "/");
            // what a provider answers when the person declines consent: the same state, an error instead of a code
            URI declined = URI.create(callback.toString().replaceFirst("code=[^&]+", "error=access_denied&error_description=declined%0Aevent%3Dforged"));
            HttpResponse<String> r = b.get(declined);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("did not sign you in (access_denied: declined");
            assertThat(h.users()).isEmpty();
        }
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        try (RunningHub h = new RunningHub(Map.of())) {
            Map<String, Object> c = claims("alice", "alice@acme.test", true, "tlsrpt-acme-admins");
            c.put("nonce", "a-nonce-from-another-sign-in"); // as if the ID token were replayed from another sign-in
            provider.nextSignIn("sub-alice", c);
            Browser b = new Browser();
            HttpResponse<String> r = b.get(toCallback(b, h, "/"));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("ID token failed the check").containsIgnoringCase("nonce");
            assertThat(h.users()).isEmpty();
            assertThat(b.get(h.url("/")).statusCode()).isEqualTo(302);
        }
    }

    @Test
    void aLocalUserIsLinkedOnlyThroughAVerifiedMatchingEmail() throws Exception {
        try (RunningHub h = new RunningHub(Map.of())) {
            AccessService access = h.access();
            access.addUser("bob", "bob's password".toCharArray(), true);
            access.setEmail("bob", "Bob@Acme.test");
            // (without the slow password hashing: only their addresses matter here)
            h.update("INSERT INTO app_user (name, password_hash, is_admin, created_at, email) VALUES ('carol', '-', FALSE, 0, 'carol@acme.test')");
            h.update("INSERT INTO app_user (name, password_hash, is_admin, created_at) VALUES ('dave', '-', FALSE, 0)"); // no address

            provider.nextSignIn("sub-bob", claims("bob.smith", "bob@acme.test", true, "tlsrpt-ops"));
            Browser b = new Browser();
            assertThat(b.get(toCallback(b, h, "/")).statusCode()).as("linked by the verified address").isEqualTo(302);
            assertThat(h.rows("SELECT user_name FROM oidc_identity WHERE subject = 'sub-bob'")).containsExactly("bob");
            assertThat(h.memberships("bob")).containsExactly("default:analyst");
            assertThat(new org.tlsrpthub.hub.orgs.OrgService(h.db, java.time.Clock.systemUTC()).isHubAdmin("bob")).as("a hub admin stays one").isTrue();
            provider.nextSignIn("sub-bob", claims("bob.smith", "bob@acme.test", true, "unmapped"));
            Browser b2 = new Browser();
            assertThat(b2.get(toCallback(b2, h, "/")).statusCode()).as("a hub admin needs no organisation role").isEqualTo(302);
            assertThat(b2.get(h.url("/")).statusCode()).isEqualTo(200);
            assertThat(h.memberships("bob")).isEmpty();

            provider.nextSignIn("sub-carol", claims("carol", "carol@acme.test", false, "tlsrpt-ops"));
            Browser c = new Browser();
            HttpResponse<String> unverified = c.get(toCallback(c, h, "/"));
            assertThat(unverified.statusCode()).isEqualTo(403);
            assertThat(unverified.body()).contains("An account named 'carol' already exists").contains("email_verified");

            provider.nextSignIn("sub-dave", claims("dave", "dave@acme.test", true, "tlsrpt-ops"));
            Browser d = new Browser();
            HttpResponse<String> noAddress = d.get(toCallback(d, h, "/"));
            assertThat(noAddress.statusCode()).as("the local dave has no address to match").isEqualTo(403);
            assertThat(noAddress.body()).contains("An account named 'dave' already exists");

            assertThat(h.users()).containsExactly("bob", "carol", "dave");
            assertThat(h.rows("SELECT subject FROM oidc_identity ORDER BY subject")).containsExactly("sub-bob");
            assertThat(c.get(h.url("/")).statusCode()).isEqualTo(302);
            assertThat(d.get(h.url("/")).statusCode()).isEqualTo(302);
        }
    }

    @Test
    void localSignInCanBeTurnedOff() throws Exception {
        try (RunningHub h = new RunningHub(Map.of("auth.local-sign-in", "false"))) {
            Browser b = new Browser();
            HttpResponse<String> setup = b.get(h.url("/setup"));
            assertThat(Browser.location(setup).getPath()).as("no local first admin without local sign-in").isEqualTo("/login");
            h.access().addUser("erin", "erin's password".toCharArray(), false); // the local CLI still manages users
            HttpResponse<String> login = b.get(h.url("/login"));
            assertThat(login.body()).contains("id=\"sso-sign-in\"").doesNotContain("name=\"password\"");
            // a form posted anyway (the page has none now) carries a valid pre-session form token, and is still refused
            HttpResponse<String> refused = b.postForm(h.url("/login"),
                    Map.of("_csrf", b.cookie("tlsrpt_form"), "user", "erin", "password", "erin's password"));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("turned off");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tlsrpt_session="));
            assertThat(b.get(h.url("/")).statusCode()).isEqualTo(302);

            provider.nextSignIn("sub-frank", claims("frank", "frank@acme.test", false, "tlsrpt-ops"));
            Browser f = new Browser();
            assertThat(f.get(toCallback(f, h, "/")).statusCode()).isEqualTo(302);
            assertThat(f.get(h.url("/")).statusCode()).as("single sign-on still works").isEqualTo(200);
        }
    }
}
