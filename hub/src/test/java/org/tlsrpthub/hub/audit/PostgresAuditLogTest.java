package org.tlsrpthub.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.Sql;

/** The audit log contract on a real PostgreSQL, a fresh database per test; TRUNCATE is refused there too. */
class PostgresAuditLogTest extends AuditLogContract {
    @Override
    protected String emptyDatabaseUrl() {
        return PostgresServer.freshDatabaseUrl();
    }

    @Test
    void truncateIsRefusedToo() throws Exception {
        audit.record(AuditEvent.of(ALICE, AuditAction.SIGN_IN));
        assertThatThrownBy(() -> Sql.update(db, "TRUNCATE audit_log")).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
    }
}
