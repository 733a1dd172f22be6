package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordAndRejectsOthers() {
        String hash = PasswordHasher.hash("correct horse battery".toCharArray());
        assertThat(PasswordHasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(PasswordHasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void saltsEveryHashAndStoresASlowIterationCount() {
        String a = PasswordHasher.hash("same password".toCharArray());
        String b = PasswordHasher.hash("same password".toCharArray());
        assertThat(a).isNotEqualTo(b).doesNotContain("same password");
        assertThat(Integer.parseInt(a.split("\\$")[1])).isGreaterThanOrEqualTo(210_000);
    }

    @Test
    void rejectsUnreadableHashes() {
        assertThat(PasswordHasher.verify("x".toCharArray(), null)).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "plain")).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$abc$!!$??")).isFalse();
    }
}
