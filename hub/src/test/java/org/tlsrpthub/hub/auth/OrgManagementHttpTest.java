package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.orgs.Member;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Organisation;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.web.WebHub;

/** Organisations and members managed through the pages' forms and through the JSON API, on a real hub. */
class OrgManagementHttpTest {
    @TempDir Path dir;

    @Test
    void aHubAdminManagesOrganisationsAndHubAdminsOnThePage() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService a = new AccessService(h.db, Clock.systemUTC());
            OrgService orgs = new OrgService(h.db, Clock.systemUTC());
            a.addUser("root", "root password".toCharArray(), true);
            a.addUser("kim", "kim password".toCharArray(), false);
            String csrf = h.signIn("root", "root password");

            assertThat(h.postForm("/orgs", Map.of("_csrf", csrf, "slug", "team-a", "name", "Team A")).statusCode()).isEqualTo(302);
            HttpResponse<String> bad = h.postForm("/orgs", Map.of("_csrf", csrf, "slug", "Team A"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("organisation 'Team A': a slug is");
            assertThat(h.postForm("/orgs/team-a/rename", Map.of("_csrf", csrf, "name", "Team Alpha")).statusCode()).isEqualTo(302);
            String page = h.get("/orgs").body();
            assertThat(page).contains("team-a").contains("Team Alpha").contains("Make hub admin");
            assertThat(h.postForm("/users/kim/hub-admin", Map.of("_csrf", csrf, "hub_admin", "true")).statusCode()).isEqualTo(302);
            assertThat(orgs.isHubAdmin("kim")).isTrue();
            assertThat(h.postForm("/orgs/team-a/delete", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
            assertThat(orgs.organisations(Scope.wholeHub())).extracting(Organisation::slug).containsExactly("default");
            HttpResponse<String> last = h.postForm("/orgs/default/delete", Map.of("_csrf", csrf));
            assertThat(last.statusCode()).isEqualTo(409);
            assertThat(last.body()).contains("last organisation");
        }
    }

    @Test
    void anOrganisationsAdminManagesItsMembersThroughTheApi() throws Exception {
        try (WebHub h = new WebHub(dir)) {
            AccessService a = new AccessService(h.db, Clock.systemUTC());
            OrgService orgs = new OrgService(h.db, Clock.systemUTC());
            a.addUser("root", "root password".toCharArray(), true);
            a.addUser("ada", "ada password".toCharArray(), false, "default", Role.ADMIN);
            a.addUser("kim", "kim password".toCharArray(), false, null, null);
            String ada = "Bearer " + a.createToken("ada", "ops").secret();
            String root = "Bearer " + a.createToken("root", "ops").secret();

            HttpResponse<String> created = send(h, root, "POST", "/api/v1/orgs", "{\"slug\":\"team-b\",\"displayName\":\"Team B\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains("/api/v1/orgs/team-b");
            assertThat(json(send(h, root, "GET", "/api/v1/orgs", null))).extracting(o -> o.get("slug").asText()).containsExactly("default", "team-b");
            assertThat(send(h, root, "PATCH", "/api/v1/orgs/team-b", "{\"displayName\":\"Team Bee\"}").statusCode()).isEqualTo(204);
            assertThat(send(h, root, "DELETE", "/api/v1/orgs/team-b", null).statusCode()).isEqualTo(204);

            assertThat(send(h, ada, "POST", "/api/v1/org/members", "{\"user\":\"kim\",\"role\":\"viewer\"}").statusCode()).isEqualTo(201);
            assertThat(send(h, ada, "PUT", "/api/v1/org/members/kim", "{\"role\":\"analyst\"}").statusCode()).isEqualTo(204);
            assertThat(orgs.memberships("kim")).extracting(Member::role).containsExactly(Role.ANALYST);
            assertThat(json(send(h, ada, "GET", "/api/v1/org/members", null))).extracting(m -> m.get("user").asText() + ":" + m.get("role").asText())
                    .containsExactly("ada:admin", "kim:analyst", "root:admin");
            HttpResponse<String> badRole = send(h, ada, "PUT", "/api/v1/org/members/kim", "{\"role\":\"owner\"}");
            assertThat(badRole.statusCode()).isEqualTo(400);
            assertThat(badRole.body()).contains("bad-parameter").contains("unknown role 'owner'");
            HttpResponse<String> notJson = send(h, ada, "POST", "/api/v1/org/members", "{user");
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).contains("not JSON");
            assertThat(send(h, ada, "DELETE", "/api/v1/org/members/kim", null).statusCode()).isEqualTo(204);
            assertThat(send(h, ada, "DELETE", "/api/v1/org/members/kim", null).statusCode()).isEqualTo(404);

            JsonNode me = json(send(h, ada, "GET", "/api/v1/me", null));
            assertThat(me.get("org").asText()).isEqualTo("default");
            assertThat(me.get("memberships").get(0).get("orgName").asText()).isEqualTo("Default organisation");
            assertThat(send(h, ada, "PUT", "/api/v1/users/kim/hub-admin", "{\"hubAdmin\":true}").statusCode()).isEqualTo(403);
            assertThat(send(h, root, "PUT", "/api/v1/users/root/hub-admin", "{\"hubAdmin\":false}").body()).contains("conflict").contains("last hub admin");
        }
    }

    private static HttpResponse<String> send(WebHub h, String bearer, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.url(path)).header("Authorization", bearer);
        if (json != null) b.header("Content-Type", "application/json");
        return h.browser.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(r.body());
        return body.has("items") ? body.get("items") : body;
    }
}
