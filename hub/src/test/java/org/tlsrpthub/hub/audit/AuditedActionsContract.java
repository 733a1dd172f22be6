package org.tlsrpthub.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.NewToken;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.domains.OtherDomains;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.testsupport.ManualClock;
import org.tlsrpthub.hub.testsupport.Sql;

/** The services record what they do, with who and before/after, on SQLite and PostgreSQL alike. */
abstract class AuditedActionsContract {
    protected abstract String emptyDatabaseUrl();

    final ManualClock clock = new ManualClock();
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(emptyDatabaseUrl());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<AuditEntry> entries(AuditAction action) throws Exception {
        return new AuditLog(db, clock).read(Scope.wholeHub(), new AuditQuery(null, null, action, null, null), 0, 100).items();
    }

    /** Everything the log holds, as one text: to prove that a secret is nowhere in it. */
    private String everything() throws Exception {
        return Sql.rows(db, "SELECT * FROM audit_log").toString();
    }

    @Test
    void usersTokensAndSignInsAreRecordedWithoutTheirSecrets() throws Exception {
        Actor cli = Actor.cli();
        AccessService access = new AccessService(db, clock).by(cli);
        access.addUser("alice", "alice's password".toCharArray(), true);
        access.setPassword("alice", "alice's new password".toCharArray());
        NewToken token = access.createToken("alice", "grafana");
        assertThat(access.revokeToken(token.id())).isTrue();
        assertThat(access.revokeToken(token.id())).as("a second revoke does nothing").isFalse();

        AccessService visitor = new AccessService(db, clock).by(Actor.unverified("", "192.0.2.7"));
        assertThat(visitor.signIn("alice", "alice's password".toCharArray())).as("the old password").isEmpty();
        assertThat(visitor.signIn("alice", "alice's new password".toCharArray())).isPresent();
        access.addUser("bob", "bob's password".toCharArray(), false);
        assertThat(access.removeUser("bob")).isTrue();
        assertThat(access.removeUser("bob")).isFalse();

        assertThat(entries(AuditAction.USER_ADDED)).extracting(AuditEntry::target, AuditEntry::after, AuditEntry::actor)
                .containsExactly(tuple("bob", "{\"hubAdmin\":false}", cli.name()),
                        tuple("alice", "{\"hubAdmin\":true}", cli.name()));
        assertThat(entries(AuditAction.PASSWORD_CHANGED)).singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("alice"));
        assertThat(entries(AuditAction.USER_REMOVED)).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo("bob");
            assertThat(e.before()).isEqualTo("{\"hubAdmin\":false}");
        });
        assertThat(entries(AuditAction.TOKEN_CREATED)).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(token.id());
            assertThat(e.org()).as("the token's organisation").isEqualTo("default");
            assertThat(e.after()).isEqualTo("{\"user\":\"alice\",\"label\":\"grafana\",\"org\":\"default\"}");
        });
        assertThat(entries(AuditAction.TOKEN_REVOKED)).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(token.id());
            assertThat(e.before()).isEqualTo("{\"status\":\"valid\"}");
            assertThat(e.after()).isEqualTo("{\"status\":\"revoked\"}");
        });
        assertThat(entries(AuditAction.SIGN_IN_FAILED)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.actorKind()).isEqualTo("unverified");
            assertThat(e.address()).isEqualTo("192.0.2.7");
        });
        assertThat(entries(AuditAction.SIGN_IN)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.actorKind()).isEqualTo("user");
            assertThat(e.address()).isEqualTo("192.0.2.7");
            assertThat(e.at()).isEqualTo(clock.now);
        });
        String all = everything();
        assertThat(all).doesNotContain(token.secret()).doesNotContain("alice's password").doesNotContain("alice's new password")
                .doesNotContain("bob's password");
    }

    @Test
    void signOutIsRecordedOnlyForASessionThatExisted() throws Exception {
        AccessService access = new AccessService(db, clock);
        access.addUser("alice", "alice's password".toCharArray(), false);
        var in = access.by(Actor.unverified("", "192.0.2.7")).signIn("alice", "alice's password".toCharArray()).orElseThrow();
        AccessService alice = access.by(Actor.user("alice", "192.0.2.7", "default"));
        alice.signOut(in.cookieValue());
        alice.signOut(in.cookieValue());
        assertThat(entries(AuditAction.SIGN_OUT)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("alice");
            assertThat(e.org()).as("signing out is hub-wide").isNull();
        });
        assertThat(everything()).doesNotContain(in.cookieValue()).doesNotContain(in.session().csrfToken());
    }

    @Test
    void servedDomainsAndTheOthersSettingAreRecorded() throws Exception {
        DomainStore domains = new DomainStore(db, clock);
        Actor cli = Actor.cli();
        assertThat(domains.add("Example.COM.", cli)).isTrue();
        assertThat(domains.add("example.com", cli)).isFalse();
        assertThat(domains.remove("example.com", cli)).isTrue();
        assertThat(domains.remove("example.com", cli)).isFalse();
        domains.setOtherDomains(OtherDomains.QUARANTINE, cli);
        domains.setOtherDomains(OtherDomains.QUARANTINE, cli); // no change, no entry
        domains.setOtherDomains(OtherDomains.REJECT, cli);

        assertThat(entries(AuditAction.DOMAIN_SERVED)).singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("example.com"));
        assertThat(entries(AuditAction.DOMAIN_UNSERVED)).singleElement().satisfies(e -> assertThat(e.target()).isEqualTo("example.com"));
        assertThat(entries(AuditAction.SETTINGS_CHANGED)).extracting(AuditEntry::target, AuditEntry::before, AuditEntry::after)
                .containsExactly(tuple("domains others", "{\"value\":\"quarantine\"}", "{\"value\":\"reject\"}"),
                        tuple("domains others", "{\"value\":\"store\"}", "{\"value\":\"quarantine\"}"));
        assertThat(entries(null)).extracting(AuditEntry::org).containsOnlyNulls();
    }

    @Test
    void reprocessRunsAreRecordedWithWhatTheyDid() throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), clock);
        ingest.ingest("{\"broken\": ".getBytes(StandardCharsets.UTF_8), Provenance.file("x.json", Instant.parse("2026-11-01T09:00:00Z")));
        long id = Sql.count(db, "SELECT raw_input_id FROM quarantine");
        ReprocessService reprocess = new ReprocessService(db, ingest);
        reprocess.run(false, Actor.cli());
        reprocess.reprocessOne(id, Actor.user("alice", "192.0.2.7", "default"));

        assertThat(entries(AuditAction.REPROCESS)).satisfiesExactly(one -> {
            assertThat(one.target()).isEqualTo("input " + id);
            assertThat(one.actor()).isEqualTo("alice");
            assertThat(one.org()).isEqualTo("default");
            assertThat(one.after()).contains("\"inputs\":1").contains("\"stillQuarantined\":1");
        }, run -> {
            assertThat(run.target()).isEqualTo("quarantined inputs");
            assertThat(run.actorKind()).isEqualTo("cli");
            assertThat(run.org()).isNull();
            assertThat(run.after()).contains("\"inputs\":1");
        });
    }
}
