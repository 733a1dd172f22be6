package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.LogLines;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/** Roles read on every request, tokens capped by their user's role, the organisation switcher, and the setup token, over real HTTP. */
class OrgAccessTest {
    @TempDir Path dir;

    private static final Scope HUB = Scope.wholeHub();

    private static long quarantined(WebHub h) throws Exception {
        IngestService ingest = new IngestService(h.db, new CoreInputDecoder(), Clock.systemUTC());
        ingest.commit(java.util.List.of(ingest.prepare("{\"organization-name\": ".getBytes(StandardCharsets.UTF_8),
                new Provenance(Channel.HTTPS, java.time.Instant.now(), "192.0.2.10", null, null))));
        return Sql.count(h.db, "SELECT MAX(raw_input_id) FROM quarantine");
    }

    @Test
    void aRoleChangeOrRemovalTakesEffectOnTheNextRequest() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService a = new AccessService(h.db, Clock.systemUTC());
            OrgService orgs = new OrgService(h.db, Clock.systemUTC());
            a.addUser("root", "root password".toCharArray(), true);
            a.addUser("vera", "vera password".toCharArray(), false, "default", Role.VIEWER);
            long id = quarantined(h);
            String csrf = h.signIn("vera", "vera password");
            String token = "Bearer " + a.createToken("vera", "ci").secret();

            assertThat(h.postForm("/quarantine/" + id + "/reprocess", Map.of("_csrf", csrf)).statusCode()).isEqualTo(403);
            assertThat(h.get("/org/members").statusCode()).isEqualTo(403);
            assertThat(h.get("/api/v1/overview", "Authorization", token).statusCode()).isEqualTo(200);
            orgs.setRole(HUB, "default", "vera", Role.ADMIN);
            assertThat(h.get("/org/members").statusCode()).as("same session, new role").isEqualTo(200);
            assertThat(h.get("/api/v1/org/members", "Authorization", token).statusCode()).as("the token follows").isEqualTo(200);

            orgs.removeMember(HUB, "default", "vera");
            HttpResponse<String> page = h.get("/");
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("do not belong to any organisation");
            HttpResponse<String> api = h.get("/api/v1/overview", "Authorization", token);
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("no longer belongs to organisation 'default'");
            assertThat(h.get("/api/v1/me").statusCode()).as("still signed in").isEqualTo(200);

            orgs.addMember(HUB, "default", "vera", Role.VIEWER);
            assertThat(h.get("/api/v1/overview", "Authorization", token).statusCode()).as("back in: the old token works again").isEqualTo(200);
        }
    }

    @Test
    void aTokenActsWithTheLesserOfItsRoleAndItsUsersRole() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService a = new AccessService(h.db, Clock.systemUTC());
            OrgService orgs = new OrgService(h.db, Clock.systemUTC());
            a.addUser("root", "root password".toCharArray(), true);
            a.addUser("ada", "ada password".toCharArray(), false, "default", Role.ADMIN);
            String viewer = "Bearer " + a.createToken("ada", "grafana", "default", Role.VIEWER).secret();
            String admin = "Bearer " + a.createToken("ada", "ops", "default", Role.ADMIN).secret();
            assertThat(h.get("/api/v1/org/members", "Authorization", viewer).statusCode()).as("a viewer token of an admin").isEqualTo(403);
            assertThat(h.get("/api/v1/overview", "Authorization", viewer).statusCode()).isEqualTo(200);
            assertThat(h.get("/api/v1/org/members", "Authorization", admin).statusCode()).isEqualTo(200);
            orgs.setRole(HUB, "default", "ada", Role.VIEWER);
            assertThat(h.get("/api/v1/org/members", "Authorization", admin).statusCode())
                    .as("an admin token of a user who is a viewer now").isEqualTo(403);
            assertThat(h.get("/api/v1/me", "Authorization", admin).body()).contains("\"role\":\"viewer\"").contains("\"hubAdmin\":false");
        }
    }

    @Test
    void theSwitcherMovesASessionBetweenItsUsersOrganisationsOnly() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService a = new AccessService(h.db, Clock.systemUTC());
            OrgService orgs = new OrgService(h.db, Clock.systemUTC());
            a.addUser("root", "root password".toCharArray(), true);
            orgs.create(HUB, "red", "Red team");
            orgs.create(HUB, "blue", "Blue team");
            a.addUser("sam", "sam password".toCharArray(), false, "default", Role.VIEWER);
            orgs.addMember(HUB, "red", "sam", Role.ADMIN);
            String csrf = h.signIn("sam", "sam password");

            // the first organisation by slug: 'default' before 'red'
            String home = h.get("/").body();
            assertThat(home).contains("id=\"org-switch\"").contains("Red team").doesNotContain("Blue team");
            assertThat(h.get("/org/members").statusCode()).as("a viewer in 'default'").isEqualTo(403);
            assertThat(h.postForm("/org/switch", Map.of("_csrf", csrf, "org", "blue")).statusCode()).isEqualTo(403);
            assertThat(h.postForm("/org/switch", Map.of("org", "red")).statusCode()).as("CSRF").isEqualTo(403);
            assertThat(h.postForm("/org/switch", Map.of("_csrf", csrf, "org", "red")).statusCode()).isEqualTo(302);
            HttpResponse<String> members = h.get("/org/members");
            assertThat(members.statusCode()).isEqualTo(200);
            assertThat(members.body()).contains("Members of red").contains("sam");
            assertThat(h.postForm("/tokens", Map.of("_csrf", csrf, "label", "red token", "role", "admin")).statusCode()).isEqualTo(200);
            assertThat(a.tokens()).singleElement().satisfies(t -> {
                assertThat(t.org()).isEqualTo("red");
                assertThat(t.role()).isEqualTo(Role.ADMIN);
            });

            orgs.removeMember(HUB, "red", "sam");
            HttpResponse<String> back = h.get("/org/members");
            assertThat(back.statusCode()).as("back to default, a viewer there").isEqualTo(403);
            assertThat(h.get("/").body()).doesNotContain("id=\"org-switch\"").contains("id=\"current-org\"");
            HttpResponse<String> tooHigh = h.postForm("/tokens", Map.of("_csrf", csrf, "label", "x", "role", "admin"));
            assertThat(tooHigh.statusCode()).isEqualTo(400);
            assertThat(tooHigh.body()).contains("cannot hand out admin");
        }
    }

    @Test
    void theSetupTokenPrintedAtStartCreatesTheFirstAdminOnce() throws Exception {
        WebHub h;
        String printed;
        try (LogLines log = new LogLines(SetupToken.class)) {
            h = new WebHub(dir);
            Matcher m = Pattern.compile("event=setup-token token=(\\S+)").matcher(String.join("\n", log.all()));
            assertThat(m.find()).as("printed: " + log.all()).isTrue();
            printed = m.group(1);
        }
        try (h) {
            assertThat(Sql.count(h.db, "SELECT COUNT(*) FROM setting WHERE value LIKE ?", "%" + printed + "%")).as("only its hash is stored").isZero();
            String form = WebHub.csrf(h.get("/setup").body());
            Map<String, String> fields = Map.of("_csrf", form, "user", "first", "password", "long enough", "password2", "long enough",
                    "setup_token", printed);
            assertThat(h.postForm("/setup", fields).statusCode()).isEqualTo(302);
            assertThat(Sql.count(h.db, "SELECT COUNT(*) FROM setting WHERE name LIKE 'setup-token:%'")).as("used up").isZero();
            assertThat(new OrgService(h.db, Clock.systemUTC()).isHubAdmin("first")).isTrue();
            assertThat(new OrgService(h.db, Clock.systemUTC()).memberships("first")).singleElement()
                    .satisfies(m -> assertThat(m.role()).isEqualTo(Role.ADMIN));
            Map<String, String> again = Map.of("_csrf", form, "user", "second", "password", "long enough", "password2", "long enough",
                    "setup_token", printed);
            assertThat(h.postForm("/setup", again).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(new AccessService(h.db, Clock.systemUTC()).users()).hasSize(1);
        }
    }
}
