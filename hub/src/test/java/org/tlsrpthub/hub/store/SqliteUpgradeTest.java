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

/** A store made by the first schema, with archived inputs in it, upgraded by opening it. */
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
}
