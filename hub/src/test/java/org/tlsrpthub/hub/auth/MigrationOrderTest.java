package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** A store migrated by a build without the access tables (V1 and V20 only) still gets V10 later. */
class MigrationOrderTest {
    @TempDir Path dir;

    @Test
    void aStoreThatAlreadyHasV20ReceivesV10() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir);
        // what a build without V10 did: every other migration
        Path older = Files.createDirectories(dir.resolve("older"));
        for (String name : new String[] {"V1__store.sql", "V20__dashboard_rollups.sql"}) {
            try (InputStream in = getClass().getResourceAsStream("/db/migration/sqlite/" + name)) {
                Files.copy(in, older.resolve(name));
            }
        }
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + older).load().migrate();
        try (Database db = Database.open(url)) {
            assertThat(new AccessService(db, Clock.systemUTC()).hasUsers()).isFalse();
            db.withConnection(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '10'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                return null;
            });
        }
    }
}
