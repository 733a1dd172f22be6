package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.testsupport.Sql;

/** Statements kept across SQLite transactions never carry one transaction's rows into the next. */
class SqliteStatementCacheTest {
    private static final String INSERT = "INSERT INTO scratch (v) VALUES (?)";

    @TempDir Path dir;

    @Test
    void aStatementReusedAfterAFailedOrAnUnfinishedTransactionStartsEmpty() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            db.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE scratch (v TEXT)");
                }
                return null;
            });
            // rows batched, then the transaction fails before executing them
            assertThatThrownBy(() -> db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setString(1, "from the failed transaction");
                    ps.addBatch();
                    throw new IllegalStateException("fails mid-way");
                }
            })).hasMessage("fails mid-way");
            // rows batched and the statement closed without executing them
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setString(1, "never executed");
                    ps.addBatch();
                }
                return null;
            });
            for (int tx = 0; tx < 3; tx++) {
                String value = "committed " + tx;
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                        ps.setString(1, value);
                        ps.addBatch();
                        ps.executeBatch();
                    }
                    return null;
                });
            }
            assertThat(Sql.rows(db, "SELECT v FROM scratch ORDER BY v"))
                    .containsExactly(List.of("committed 0"), List.of("committed 1"), List.of("committed 2"));
        }
    }
}
