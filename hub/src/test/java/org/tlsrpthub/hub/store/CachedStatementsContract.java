package org.tlsrpthub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Database#withCachedStatements}, what the alert evaluation reads through: one snapshot for the
 * whole work whatever commits meanwhile, and pooled connections that go back as they came, after the
 * work and after a failure in it.
 */
abstract class CachedStatementsContract {
    protected abstract String emptyDatabaseUrl();

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(emptyDatabaseUrl());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theWorkSeesOneSnapshotWhateverCommitsMeanwhile() throws Exception {
        add("a.example");
        List<Long> seen = db.withCachedStatements(c -> {
            List<Long> counts = new ArrayList<>();
            counts.add(served(c));
            add("b.example"); // another connection commits
            counts.add(served(c));
            return counts;
        });
        assertThat(seen).containsExactly(1L, 1L);
        assertThat(db.withConnection(CachedStatementsContract::served)).isEqualTo(2);
    }

    @Test
    void theConnectionsGoBackAsTheyCameAfterTheWorkAndAfterAFailure() throws Exception {
        for (int i = 0; i < 10; i++) {
            db.withCachedStatements(CachedStatementsContract::served);
            assertThatThrownBy(() -> db.withCachedStatements(c -> {
                served(c);
                throw new IllegalStateException("failed half-way");
            })).hasMessage("failed half-way");
        }
        for (int i = 0; i < 10; i++) {
            db.withConnection(c -> {
                assertThat(c.getAutoCommit()).as("auto-commit").isTrue();
                assertThat(c.isReadOnly()).as("read-only").isFalse();
                if (db.dialect() == Dialect.POSTGRESQL) {
                    assertThat(show(c, "plan_cache_mode")).isEqualTo("auto");
                    assertThat(show(c, "transaction_isolation")).isEqualTo("read committed");
                    assertThat(show(c, "transaction_read_only")).isEqualTo("off");
                }
                return null;
            });
            add("c" + i + ".example"); // and writes go through
        }
        assertThat(db.withConnection(CachedStatementsContract::served)).isEqualTo(10);
    }

    private void add(String domain) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO served_domain (domain, added_at) VALUES (?, 1)")) {
                ps.setString(1, domain);
                return ps.executeUpdate();
            }
        });
    }

    private static long served(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM served_domain"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW " + setting); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
