package org.tlsrpthub.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.ManualClock;
import org.tlsrpthub.hub.testsupport.Sql;

/** The audit log on a real database: recording, reading with filters and scopes, and the append-only triggers. */
abstract class AuditLogContract {
    protected abstract String emptyDatabaseUrl();

    final ManualClock clock = new ManualClock();
    Database db;
    AuditLog audit;

    static final Scope HUB_ADMIN = new Scope("root", "default", Role.ADMIN, true);
    static final Actor ALICE = Actor.user("alice", "192.0.2.1", "acme");
    static final Actor BOB = Actor.user("bob", "192.0.2.2", "globex");

    @BeforeEach
    void open() {
        db = Database.open(emptyDatabaseUrl());
        audit = new AuditLog(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Four entries an hour apart: alice in acme (2), bob in globex, and a hub-wide one from the command line. */
    private void recordSome() throws SQLException {
        audit.record(AuditEvent.of(ALICE, AuditAction.TOKEN_CREATED).target("tok_a").after(AuditEvent.state("label", "grafana")));
        clock.advance(Duration.ofHours(1));
        audit.record(AuditEvent.of(BOB, AuditAction.REPROCESS).target("input 7"));
        clock.advance(Duration.ofHours(1));
        audit.record(AuditEvent.of(ALICE, AuditAction.ROLE_CHANGED).target("carol")
                .before(AuditEvent.state("role", "viewer")).after(AuditEvent.state("role", "analyst")));
        clock.advance(Duration.ofHours(1));
        audit.record(AuditEvent.of(Actor.cli(), AuditAction.DOMAIN_SERVED).target("example.com"));
    }

    @Test
    void entriesReadBackNewestFirstWithEveryField() throws Exception {
        recordSome();
        AuditPage all = audit.read(HUB_ADMIN, AuditQuery.ALL, 0, 10);
        assertThat(all.matching()).isEqualTo(4);
        assertThat(all.items()).extracting(AuditEntry::action)
                .containsExactly("domain-served", "role-changed", "reprocess", "token-created");
        AuditEntry role = all.items().get(1);
        assertThat(role.at()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(role.org()).isEqualTo("acme");
        assertThat(role.actor()).isEqualTo("alice");
        assertThat(role.actorKind()).isEqualTo("user");
        assertThat(role.address()).isEqualTo("192.0.2.1");
        assertThat(role.target()).isEqualTo("carol");
        assertThat(role.before()).isEqualTo("{\"role\":\"viewer\"}");
        assertThat(role.after()).isEqualTo("{\"role\":\"analyst\"}");
        AuditEntry cli = all.items().get(0);
        assertThat(cli.org()).as("hub-wide").isNull();
        assertThat(cli.actor()).startsWith("cli:");
        assertThat(cli.actorKind()).isEqualTo("cli");
        assertThat(cli.address()).isEqualTo("local");
        assertThat(cli.before()).isNull();
        assertThat(cli.after()).isNull();
    }

    @Test
    void filtersAndPagesCombine() throws Exception {
        recordSome();
        assertThat(audit.read(HUB_ADMIN, new AuditQuery("acme", null, null, null, null), 0, 10).items())
                .extracting(AuditEntry::target).containsExactly("carol", "tok_a");
        assertThat(audit.read(HUB_ADMIN, new AuditQuery(null, "bob", null, null, null), 0, 10).items())
                .extracting(AuditEntry::target).containsExactly("input 7");
        assertThat(audit.read(HUB_ADMIN, new AuditQuery(null, null, AuditAction.TOKEN_CREATED, null, null), 0, 10).items())
                .extracting(AuditEntry::target).containsExactly("tok_a");
        // since is inclusive, until exclusive
        var window = new AuditQuery(null, null, null, Instant.parse("2026-11-01T11:00:00Z"), Instant.parse("2026-11-01T13:00:00Z"));
        assertThat(audit.read(HUB_ADMIN, window, 0, 10).items()).extracting(AuditEntry::target).containsExactly("carol", "input 7");
        assertThat(audit.read(HUB_ADMIN, new AuditQuery("acme", "alice", AuditAction.ROLE_CHANGED, null, null), 0, 10).matching()).isEqualTo(1);

        AuditPage first = audit.read(HUB_ADMIN, AuditQuery.ALL, 0, 3);
        AuditPage second = audit.read(HUB_ADMIN, AuditQuery.ALL, 1, 3);
        assertThat(first.matching()).isEqualTo(4);
        assertThat(first.items()).hasSize(3);
        assertThat(second.items()).extracting(AuditEntry::target).containsExactly("tok_a");
        assertThat(audit.export(HUB_ADMIN, new AuditQuery(null, "alice", null, null, null))).hasSize(2);
        assertThatThrownBy(() -> audit.read(HUB_ADMIN, AuditQuery.ALL, 0, AuditLog.MAX_SIZE + 1)).hasMessageContaining("size");
    }

    @Test
    void onlyAdminsReadAndAnOrganisationsAdminOnlyItsOwn() throws Exception {
        recordSome();
        for (Role r : new Role[] {Role.VIEWER, Role.ANALYST}) {
            Scope s = new Scope("carol", "acme", r, false);
            assertThatThrownBy(() -> audit.read(s, AuditQuery.ALL, 0, 10)).isInstanceOf(AuditLog.NotAllowed.class)
                    .hasMessageContaining("admin");
            assertThatThrownBy(() -> audit.export(s, AuditQuery.ALL)).isInstanceOf(AuditLog.NotAllowed.class);
        }
        Scope acmeAdmin = new Scope("alice", "acme", Role.ADMIN, false);
        assertThat(audit.read(acmeAdmin, AuditQuery.ALL, 0, 10).items()).extracting(AuditEntry::org).containsOnly("acme").hasSize(2);
        assertThat(audit.export(acmeAdmin, AuditQuery.ALL)).extracting(AuditEntry::org).containsOnly("acme");
        // filters narrow within the organisation, never widen past it
        assertThat(audit.read(acmeAdmin, new AuditQuery(null, "bob", null, null, null), 0, 10).items()).isEmpty();
        assertThatThrownBy(() -> audit.read(acmeAdmin, new AuditQuery("globex", null, null, null, null), 0, 10))
                .isInstanceOf(AuditLog.NotAllowed.class).hasMessageContaining("'acme'");
        // hub admins and the local command line see hub-wide entries too
        assertThat(audit.read(HUB_ADMIN, AuditQuery.ALL, 0, 10).items()).extracting(AuditEntry::org).contains(null, "acme", "globex");
        assertThat(audit.read(Scope.wholeHub(), AuditQuery.ALL, 0, 10).matching()).isEqualTo(4);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() throws Exception {
        recordSome();
        String before = Sql.rows(db, "SELECT id, at, org, actor, action, target, before, after FROM audit_log ORDER BY id").toString();
        assertThatThrownBy(() -> Sql.update(db, "UPDATE audit_log SET actor = 'mallory'")).isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sql.update(db, "UPDATE audit_log SET after = NULL WHERE action = 'role-changed'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sql.update(db, "DELETE FROM audit_log WHERE actor = 'alice'")).isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> Sql.update(db, "DELETE FROM audit_log")).isInstanceOf(SQLException.class);
        assertThat(Sql.rows(db, "SELECT id, at, org, actor, action, target, before, after FROM audit_log ORDER BY id").toString())
                .isEqualTo(before);
        // adding stays possible after the refusals
        audit.record(AuditEvent.of(ALICE, AuditAction.SIGN_OUT));
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(5);
    }

    @Test
    void anEntryCommitsWithItsActionOrNotAtAll() throws Exception {
        assertThatThrownBy(() -> db.inTransaction(c -> {
            audit.record(c, AuditEvent.of(ALICE, AuditAction.MEMBER_ADDED).target("dave"));
            throw new SQLException("the action itself failed");
        })).hasMessageContaining("the action itself failed");
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log")).isZero();
        db.inTransaction(c -> {
            audit.record(c, AuditEvent.of(ALICE, AuditAction.MEMBER_ADDED).target("dave"));
            return null;
        });
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
    }

    @Test
    void aStateNamingASecretIsRefused() throws Exception {
        assertThatThrownBy(() -> audit.record(AuditEvent.of(ALICE, AuditAction.USER_ADDED).after(AuditEvent.state("password", "hunter22"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no secrets");
        assertThatThrownBy(() -> audit.record(AuditEvent.of(ALICE, AuditAction.TOKEN_CREATED).after(AuditEvent.state("tokenSecret", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Sql.count(db, "SELECT COUNT(*) FROM audit_log")).isZero();
    }
}
