package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.ManualClock;

/** Users, sessions and tokens on a real database; run against SQLite and PostgreSQL. */
abstract class AccessContract {
    protected abstract String emptyDatabaseUrl();

    final ManualClock clock = new ManualClock();
    Database db;
    AccessService access;

    @BeforeEach
    void open() {
        db = Database.open(emptyDatabaseUrl());
        access = new AccessService(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theFirstAdminCanBeCreatedOnlyOnce() throws Exception {
        assertThat(access.hasUsers()).isFalse();
        String setup = SetupToken.issue(db, clock);
        assertThatThrownBy(() -> access.addFirstAdmin("root", "root password".toCharArray(), null)).hasMessageContaining("setup token");
        assertThatThrownBy(() -> access.addFirstAdmin("root", "root password".toCharArray(), setup + "x")).hasMessageContaining("setup token");
        assertThat(access.addFirstAdmin("root", "root password".toCharArray(), setup)).isTrue();
        assertThat(access.addFirstAdmin("other", "other password".toCharArray(), setup)).isFalse();
        assertThat(access.users()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("root");
            assertThat(u.admin()).isTrue();
        });
        assertThatThrownBy(() -> access.addUser("root", "x".repeat(10).toCharArray(), false)).hasMessageContaining("exists");
        assertThatThrownBy(() -> access.addUser("bad name", "x".repeat(10).toCharArray(), false)).hasMessageContaining("user name");
    }

    @Test
    void setupTokensOfNodesStartingTogetherEachWorkAndTheFirstAdminUsesThemAllUp() throws Exception {
        String first = SetupToken.issue(db, clock);
        String second = SetupToken.issue(db, clock); // another node, starting at the same time
        assertThat(first).isNotEqualTo(second);
        String hash = PasswordHasher.hash("a password".toCharArray());
        assertThat(access.insertFirstAdmin("admin", hash, second)).isTrue();
        assertThat(org.tlsrpthub.hub.testsupport.Sql.count(db, "SELECT COUNT(*) FROM setting WHERE name LIKE 'setup-token:%'")).isZero();
        access.removeUser("admin");
        assertThatThrownBy(() -> access.insertFirstAdmin("late", hash, first)).as("used up with the other").hasMessageContaining("setup token");
    }

    @Test
    void racingSetupFormsCreateExactlyOneFirstAdmin() throws Exception {
        int racers = 6;
        String hash = PasswordHasher.hash("a password".toCharArray()); // hashed once, so the racers really race
        String setup = SetupToken.issue(db, clock);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(racers)) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < racers; i++) {
                String name = "admin" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return access.insertFirstAdmin(name, hash, setup);
                }));
            }
            start.countDown();
            int winners = 0;
            for (var r : results) if (r.get()) winners++;
            assertThat(winners).isEqualTo(1);
        }
        assertThat(access.users()).hasSize(1);
    }

    @Test
    void sessionsExpireAndEndOnSignOutOrPasswordChange() throws Exception {
        access.addUser("alice", "alice password".toCharArray(), false);
        assertThat(access.signIn("alice", "wrong password".toCharArray())).isEmpty();
        assertThat(access.signIn("nobody", "alice password".toCharArray())).isEmpty();
        var in = access.signIn("alice", "alice password".toCharArray()).orElseThrow();
        assertThat(access.session(in.cookieValue())).contains(in.session());
        assertThat(access.session(in.cookieValue() + "x")).isEmpty();

        clock.now = clock.now.plus(AccessService.SESSION_LIFETIME).plus(Duration.ofSeconds(1));
        assertThat(access.session(in.cookieValue())).as("expired").isEmpty();

        var second = access.signIn("alice", "alice password".toCharArray()).orElseThrow();
        access.signOut(second.cookieValue());
        assertThat(access.session(second.cookieValue())).isEmpty();

        var third = access.signIn("alice", "alice password".toCharArray()).orElseThrow();
        access.setPassword("alice", "new alice password".toCharArray());
        assertThat(access.session(third.cookieValue())).as("a new password signs out").isEmpty();
        assertThat(access.checkPassword("alice", "new alice password".toCharArray())).isTrue();
    }

    @Test
    void tokensWorkUntilRevokedOrTheirUserIsRemoved() throws Exception {
        access.addUser("bot", "bot password".toCharArray(), false);
        NewToken t = access.createToken("bot", "ci");
        assertThat(access.token(t.secret()).map(AccessService.TokenGrant::user)).contains("bot");
        assertThat(access.tokens()).singleElement().satisfies(x -> {
            assertThat(x.lastUsedAt()).isEqualTo(clock.now);
            assertThat(x.revoked()).isFalse();
        });
        assertThat(access.revokeToken(t.id())).isTrue();
        assertThat(access.revokeToken(t.id())).isFalse();
        assertThat(access.token(t.secret()).map(AccessService.TokenGrant::user)).isEmpty();

        NewToken u = access.createToken("bot", "other");
        assertThat(access.removeUser("bot")).isTrue();
        assertThat(access.token(u.secret()).map(AccessService.TokenGrant::user)).isEmpty();
        assertThatThrownBy(() -> access.createToken("ghost", "x")).hasMessageContaining("no user");
    }
}
