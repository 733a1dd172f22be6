package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.testsupport.Sql;

/** Stores made by earlier schemas, with data in them, upgraded by opening them. */
class SqliteUpgradeTest {
    @TempDir Path dir;

    @Test
    void upgradingKeepsEveryArchivedInputAndQuarantinedBytesStayUnique() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir);
        Flyway.configure().dataSource(url, null, null).locations(Dialect.SQLITE.migrations()).target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at)
                    VALUES (1, x'01', 3, x'1f8b', 'parsed', 'file', 1), (2, x'02', 4, x'1f8b', 'quarantined', 'https', 2)""");
        }

        try (Database db = Database.open(url)) {
            assertThat(Sql.rows(db, "SELECT CAST(id AS TEXT), status, channel FROM raw_input ORDER BY id"))
                    .containsExactly(java.util.List.of("1", "parsed", "file"), java.util.List.of("2", "quarantined", "https"));
            db.withConnection(c -> {
                try (Statement st = c.createStatement()) {
                    // the same bytes as a parsed input may be archived again (found through reports instead) …
                    st.executeUpdate("""
                            INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at)
                            VALUES (3, x'01', 3, x'1f8b', 'parsed', 'file', 3)""");
                    // … but quarantined bytes only once
                    assertThatThrownBy(() -> st.executeUpdate("""
                            INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at)
                            VALUES (4, x'02', 4, x'1f8b', 'quarantined', 'https', 4)""")).isInstanceOf(SQLException.class);
                }
                return null;
            });
        }
    }

    /** What a release before V30 stored: a report from a signed mail, with no content hash. */
    private static final String REPORT_JSON = """
            {"organization-name":"Org","date-range":{"start-datetime":"2026-05-01T00:00:00Z","end-datetime":"2026-05-01T23:59:59Z"},\
            "contact-info":"tlsrpt@example.com","report-id":"r1","policies":[{"policy":{"policy-type":"sts",\
            "policy-string":["version: STSv1"],"policy-domain":"example.net","mx-host":["mx.example.net"]},\
            "summary":{"total-successful-session-count":5,"total-failure-session-count":1},"failure-details":[\
            {"result-type":"certificate-expired","sending-mta-ip":"192.0.2.1","receiving-mx-hostname":"mx.example.net",\
            "failed-session-count":1}]}]}""";

    @Test
    void upgradingToV30FillsContentHashesSoCopiesStayDuplicatesAndOtherContentIsHeld() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir);
        Flyway.configure().dataSource(url, null, null).locations(Dialect.SQLITE.migrations()).target("20").load().migrate();
        long start = java.time.Instant.parse("2026-05-01T00:00:00Z").toEpochMilli();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO raw_input (id, sha256, size_bytes, content_gzip, status, channel, received_at, dkim_result)
                    VALUES (1, x'01', 3, x'1f8b', 'parsed', 'smtp', 1, 'pass d=example.com')""");
            st.executeUpdate("""
                    INSERT INTO report (id, reporter_key, report_id, range_start, range_end, organization_name, contact_info,
                                        raw_input_id, stored_at, successful_sessions, failed_sessions)
                    VALUES (10, 'example.com', 'r1', %d, %d, 'Org', 'tlsrpt@example.com', 1, 2, 5, 1)"""
                    .formatted(start, start + 86_399_000));
            st.executeUpdate("""
                    INSERT INTO policy (id, report_id, position, policy_type, policy_domain, policy_strings, mx_hosts,
                                        successful_sessions, failed_sessions)
                    VALUES (11, 10, 0, 'sts', 'example.net', 'version: STSv1', 'mx.example.net', 5, 1)""");
            st.executeUpdate("""
                    INSERT INTO failure_detail (id, policy_id, report_id, result_type, sending_mta_ip, receiving_mx_hostname,
                                                failed_session_count)
                    VALUES (12, 11, 10, 'certificate-expired', '192.0.2.1', 'mx.example.net', 1)""");
        }

        try (Database db = Database.open(url)) {
            byte[] json = REPORT_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var parsed = new org.tlsrpthub.hub.ingest.CoreInputDecoder().decode(json, "test").reports().get(0).report();
            assertThat(Sql.bytes(db, "SELECT content_hash FROM report WHERE id = 10")).isEqualTo(ContentHash.of(parsed));
            assertThat(Sql.count(db, "SELECT dkim_verified FROM report WHERE id = 10")).isEqualTo(1);

            var ingest = new org.tlsrpthub.hub.ingest.IngestService(db, new org.tlsrpthub.hub.ingest.CoreInputDecoder(),
                    java.time.Clock.systemUTC());
            var https = new Provenance(Channel.HTTPS, java.time.Instant.now(), "203.0.113.9", null, null);
            assertThat(ingest.ingest(json, https).status()).isEqualTo(org.tlsrpthub.hub.ingest.IngestStatus.DUPLICATE);
            byte[] other = REPORT_JSON.replace("\"total-successful-session-count\":5", "\"total-successful-session-count\":6")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(ingest.ingest(other, https).status()).isEqualTo(org.tlsrpthub.hub.ingest.IngestStatus.QUARANTINED);
            assertThat(Sql.count(db, "SELECT successful_sessions FROM report WHERE id = 10")).isEqualTo(5);
        }
    }
}
