package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.orgs.Member;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Dialect;
import org.tlsrpthub.hub.testsupport.Sql;
import org.tlsrpthub.hub.web.WebHub;

/**
 * A single-tenant store written before organisations (schema V32: users, tokens, reports, a served
 * domain) upgrades with nothing lost: everything in 'default', admins hub admins and its admins,
 * other users analysts, old tokens working with their user's rights.
 */
abstract class UpgradeToOrganisationsContract {
    protected abstract String emptyDatabaseUrl();

    protected abstract Dialect dialect();

    @Test
    void aStoreFromBeforeOrganisationsKeepsEverythingInDefault() throws Exception {
        String url = emptyDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations(dialect() == Dialect.SQLITE
                ? "classpath:db/migration/sqlite" : "classpath:db/migration/postgresql").target("32").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            insert(c, "INSERT INTO app_user (name, password_hash, is_admin, created_at) VALUES (?, ?, ?, 1)",
                    "boss", PasswordHasher.hash("boss password".toCharArray()), true);
            insert(c, "INSERT INTO app_user (name, password_hash, is_admin, created_at) VALUES (?, ?, ?, 1)",
                    "ivy", PasswordHasher.hash("ivy password".toCharArray()), false);
            insert(c, "INSERT INTO api_token (id, token_sha256, label, user_name, created_at) VALUES (?, ?, 'old', ?, 1)",
                    "tok_old", Secrets.sha256("tlsrpthub_old-ivy-token"), "ivy");
            insert(c, "INSERT INTO served_domain (domain, added_at) VALUES (?, 1)", "quiet.example");
            // a stored report about mail.example and a quarantined input, as that release wrote them
            insert(c, "INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at) VALUES (1, ?, 3, ?, 'parsed', 'https', 1)",
                    new byte[] {1}, gzip("{}"));
            insert(c, "INSERT INTO report (id, reporter_key, report_id, range_start, range_end, organization_name, raw_input_id, stored_at,"
                    + " successful_sessions, failed_sessions) VALUES (10, 'sender.example', 'r-1', 0, 86399000, 'Org', 1, 2, 5, 1)");
            insert(c, "INSERT INTO policy (id, report_id, position, policy_type, policy_domain, policy_strings, mx_hosts,"
                    + " successful_sessions, failed_sessions) VALUES (11, 10, 0, 'no-policy-found', 'mail.example', '', '', 5, 1)");
            insert(c, "INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at) VALUES (2, ?, 20, ?, 'quarantined', 'https', 1)",
                    new byte[] {2}, gzip("{\"organization-name\": "));
            insert(c, "INSERT INTO quarantine (raw_input_id, kind, reason, message, quarantined_at) VALUES (2, 'SYNTAX', 'bad json', 'bad json', 1)");
        }

        Database db = Database.open(url); // migrates to today's schema
        try (WebHub h = new WebHub(db, new Hub(Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0")), db, Clock.systemUTC(),
                s -> List.of()).start())) {
            OrgService orgs = new OrgService(db, Clock.systemUTC());
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM report")).isEqualTo(1);
            assertThat(Sql.count(db, "SELECT COUNT(*) FROM quarantine")).isEqualTo(1);
            assertThat(Sql.rows(db, "SELECT domain, org FROM domain_org ORDER BY domain"))
                    .containsExactly(List.of("mail.example", "default"), List.of("quiet.example", "default"));
            assertThat(orgs.isHubAdmin("boss")).isTrue();
            assertThat(orgs.memberships("boss")).extracting(Member::org, Member::role)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("default", Role.ADMIN));
            assertThat(orgs.isHubAdmin("ivy")).isFalse();
            assertThat(orgs.memberships("ivy")).extracting(Member::role).containsExactly(Role.ANALYST);

            String old = "Bearer tlsrpthub_old-ivy-token";
            assertThat(h.get("/api/v1/domains/mail.example", "Authorization", old).statusCode()).isEqualTo(200);
            assertThat(h.get("/api/v1/me", "Authorization", old).body()).contains("\"org\":\"default\"").contains("\"role\":\"analyst\"");
            var reprocess = HttpRequest.newBuilder(h.url("/api/v1/quarantine/2/reprocess")).header("Authorization", old)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            // quarantined inputs belong to no organisation: past the gate (an analyst's right), only hub admins see them
            assertThat(h.browser.send(reprocess, HttpResponse.BodyHandlers.ofString()).statusCode()).as("an analyst's right").isEqualTo(404);
            assertThat(h.get("/api/v1/org/members", "Authorization", old).statusCode()).as("not an admin's").isEqualTo(403);
            orgs.setRole(org.tlsrpthub.hub.orgs.Scope.wholeHub(), "default", "ivy", Role.VIEWER);
            assertThat(h.browser.send(reprocess, HttpResponse.BodyHandlers.ofString()).statusCode()).as("follows the user's role").isEqualTo(403);
            orgs.setRole(org.tlsrpthub.hub.orgs.Scope.wholeHub(), "default", "ivy", Role.ADMIN);
            assertThat(h.get("/api/v1/org/members", "Authorization", old).statusCode()).isEqualTo(200);

            h.signIn("boss", "boss password");
            assertThat(h.get("/orgs").statusCode()).as("the old admin is a hub admin").isEqualTo(200);
            assertThat(h.get("/org/members").statusCode()).isEqualTo(200);
        }
    }

    private static byte[] gzip(String text) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void insert(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }
}
