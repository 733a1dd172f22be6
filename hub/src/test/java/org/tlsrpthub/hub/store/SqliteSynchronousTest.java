package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means on disk (issue 9 §1): the connections the hub really opens sync every commit
 * (PRAGMA synchronous = 2, FULL) unless the operator asked for NORMAL (1), and an explicit SQLite
 * URL gets FULL too unless it names its own value.
 */
class SqliteSynchronousTest {
    static final int NORMAL = 1;
    static final int FULL = 2;

    @TempDir Path dir;

    private static int synchronousOf(String url) throws Exception {
        try (Database db = Database.open(url)) {
            return db.withConnection(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA synchronous")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
    }

    @Test
    void theDefaultStoreIsFull() throws Exception {
        assertThat(synchronousOf(DatabaseLocation.sqliteUrl(dir.resolve("default")))).isEqualTo(FULL);
        assertThat(synchronousOf(DatabaseLocation.resolve(null, dir.resolve("unset"), SqliteTuning.of(null, null)))).isEqualTo(FULL);
    }

    @Test
    void normalOnlyWhenTheSettingSaysSo() throws Exception {
        assertThat(synchronousOf(DatabaseLocation.resolve(null, dir.resolve("normal"), SqliteTuning.of("normal", null)))).isEqualTo(NORMAL);
    }

    @Test
    void anExplicitUrlIsFullUnlessItNamesItsOwnValue() throws Exception {
        String bare = "jdbc:sqlite:" + dir.resolve("explicit.db").toAbsolutePath();
        assertThat(synchronousOf(DatabaseLocation.resolve(bare, dir, SqliteTuning.DEFAULT))).isEqualTo(FULL);
        assertThat(synchronousOf(DatabaseLocation.resolve(bare + "?synchronous=NORMAL", dir, SqliteTuning.DEFAULT))).isEqualTo(NORMAL);
    }
}
