package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** {@code users email}: the address single sign-on links a local user through. */
class UsersEmailCommandTest {
    @TempDir Path dir;

    @Test
    void setsAndClearsAUsersAddressAndRefusesBadInput() throws Exception {
        String url = DatabaseLocation.sqliteUrl(dir);
        try (Database db = Database.open(url)) {
            db.withConnection(c -> c.createStatement().executeUpdate(
                    "INSERT INTO app_user (name, password_hash, is_admin, created_at) VALUES ('bob', '-', FALSE, 0)"));
        }
        assertThat(CliRun.run("--db", url, "users", "email", "bob", "bob@acme.test").exitCode()).isZero();
        assertThat(email(url)).isEqualTo("bob@acme.test");
        CliRun bad = CliRun.run("--db", url, "users", "email", "bob", "not an address");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("'not an address' is not an email address");
        CliRun nobody = CliRun.run("--db", url, "users", "email", "nobody", "n@acme.test");
        assertThat(nobody.err()).contains("no user 'nobody'");
        assertThat(CliRun.run("--db", url, "users", "email", "bob", "--clear").exitCode()).isZero();
        assertThat(email(url)).isNull();
    }

    private static String email(String url) throws Exception {
        try (Database db = Database.open(url)) {
            return db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT email FROM app_user WHERE name = 'bob'"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
    }
}
