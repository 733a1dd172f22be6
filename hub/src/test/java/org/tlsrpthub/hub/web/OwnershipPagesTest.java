package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ownership.AssignmentService;
import org.tlsrpthub.hub.ownership.OwnershipTestData;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** The assignment page, the owners section of the domain page, the owners page and the overview's owner filter. */
class OwnershipPagesTest {
    private WebHub web;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Database db = Database.open(DatabaseLocation.sqliteUrl(dir));
        new AssignmentService(db, Clock.systemUTC()).removeRule(OwnershipTestData.hubAdmin(), "*");
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        OwnershipTestData.report(ingest, "a.shop.test", "b.shop.test", "lost.test");
        AccessService access = new AccessService(db, Clock.systemUTC());
        access.addUser("root", "root password 1".toCharArray(), true);
        web = new WebHub(db);
    }

    @AfterEach
    void stop() {
        if (web != null) web.close();
    }

    private void post(String path, Map<String, String> form) throws Exception {
        HttpResponse<String> r = web.postForm(path, form);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(302);
    }

    @Test
    void aHubAdminAssignsARuleNamesOwnersAndFiltersTheOverview() throws Exception {
        String csrf = web.signIn("root", "root password 1");
        String waiting = web.get("/assignment").body();
        assertThat(waiting).contains("a.shop.test", "lost.test").contains("No rules");

        post("/assignment/rules", Map.of("_csrf", csrf, "pattern", "*.shop.test", "org", "default", "apply", "on"));
        HttpResponse<String> after = web.get("/assignment?done=x");
        assertThat(after.body()).contains("<code>*.shop.test</code>").doesNotContain("<td>a.shop.test</td>");
        assertThat(web.get("/domains/lost.test").body()).contains("has no organisation yet", "assign it");
        post("/assignment/assign", Map.of("_csrf", csrf, "domain", "lost.test", "org", "default"));
        assertThat(web.get("/assignment").body()).contains("Every domain has an organisation.");

        assertThat(web.get("/domains/a.shop.test").body()).contains("Nobody owns this domain yet.");
        post("/domains/a.shop.test/owners", Map.of("_csrf", csrf, "kind", "user", "name", "root"));
        post("/domains/a.shop.test/owners", Map.of("_csrf", csrf, "kind", "email", "name", "shop@mail.example"));
        String domainPage = web.get("/domains/a.shop.test").body();
        assertThat(domainPage).contains("<td>root</td>", "<td>shop@mail.example</td>");
        post("/owners/alert-route", Map.of("_csrf", csrf, "alert_route", "noc@mail.example"));

        String owners = web.get("/owners").body();
        assertThat(owners).contains("value=\"noc@mail.example\"");
        assertThat(owners).containsPattern("b\\.shop\\.test</a></td>\\s*<td><strong>nobody</strong>");
        assertThat(web.get("/?period=365d&owner=mine").body()).contains("a.shop.test").doesNotContain("b.shop.test");
        assertThat(web.get("/?period=365d&owner=none").body()).contains("b.shop.test", "lost.test").doesNotContain("a.shop.test");

        HttpResponse<String> bad = web.postForm("/domains/a.shop.test/owners", Map.of("_csrf", csrf, "kind", "email", "name", "nobody"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'nobody' is not an email address");
        post("/domains/a.shop.test/owners/remove", Map.of("_csrf", csrf, "kind", "user", "name", "root"));
        assertThat(web.get("/domains/a.shop.test").body()).doesNotContain("<td>root</td>");
    }

    @Test
    void aDomainWithoutAnOrganisationIsTheHubAdminsAndOrdinaryUsersCannotAssign() throws Exception {
        new AccessService(web.db, Clock.systemUTC()).addUser("val", "val password 1".toCharArray(), false);
        String csrf = web.signIn("val", "val password 1");
        // only hub admins see unassigned domains (the organisation filter of every read)
        assertThat(web.get("/domains/lost.test").statusCode()).isEqualTo(404);
        assertThat(web.get("/assignment").statusCode()).isEqualTo(403);
        assertThat(web.postForm("/assignment/assign", Map.of("_csrf", csrf, "domain", "lost.test", "org", "default")).statusCode())
                .isEqualTo(403);
    }
}
