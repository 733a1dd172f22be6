package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** {@code users} and {@code tokens} end to end, in-process, on SQLite in a temp data directory. */
class AccessCommandsTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String stdin, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        InputStream oldIn = System.in;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    private String data() {
        return dir.toString();
    }

    @Test
    void usersAddTakesThePasswordFromStdinAndItSignsIn() throws Exception {
        Run add = run("s3cret password\n", "users", "add", "admin", "--admin", "--password-stdin", "--data-dir", data());
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("added admin admin");
        Run again = run("other password\n", "users", "add", "admin", "--password-stdin", "--data-dir", data());
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).contains("exists already");
        Run shortPw = run("short\n", "users", "add", "bob", "--password-stdin", "--data-dir", data());
        assertThat(shortPw.exit()).isNotZero();
        assertThat(shortPw.err()).contains("at least 8");
        assertThat(run("", "users", "list", "--data-dir", data()).out()).contains("admin\tadmin");
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            AccessService a = new AccessService(db, Clock.systemUTC());
            assertThat(a.checkPassword("admin", "s3cret password".toCharArray())).isTrue();
            assertThat(a.checkPassword("admin", "wrong password".toCharArray())).isFalse();
        }
    }

    @Test
    void tokensAreCreatedListedWithoutSecretsAndRevoked() throws Exception {
        run("script password\n", "users", "add", "script", "--password-stdin", "--data-dir", data());
        Run created = run("", "tokens", "create", "--user", "script", "--label", "grafana", "--data-dir", data());
        assertThat(created.exit()).as(created.err()).isZero();
        String secret = created.out().trim();
        String id = created.err().replaceAll("(?s).*created (tok_\\S+);.*", "$1");
        assertThat(secret).startsWith("tlsrpthub_");
        Run list = run("", "tokens", "list", "--data-dir", data());
        assertThat(list.out()).contains(id).contains("valid").contains("grafana").doesNotContain(secret);
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            assertThat(new AccessService(db, Clock.systemUTC()).token(secret).map(AccessService.TokenGrant::user)).contains("script");
        }
        assertThat(run("", "tokens", "revoke", id, "--data-dir", data()).exit()).isZero();
        assertThat(run("", "tokens", "revoke", id, "--data-dir", data()).exit()).as("already revoked").isEqualTo(1);
        assertThat(run("", "tokens", "list", "--data-dir", data()).out()).contains("revoked");
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            assertThat(new AccessService(db, Clock.systemUTC()).token(secret).map(AccessService.TokenGrant::user)).isEmpty();
        }
    }
}
