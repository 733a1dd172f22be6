package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void blocksAnAddressAfterTenFailuresUntilTheWindowPasses() {
        LoginThrottle t = new LoginThrottle(now::get);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(t.waitSeconds("user" + i, "192.0.2.1")).isZero();
            t.failed("user" + i, "192.0.2.1");
        }
        assertThat(t.waitSeconds("someone", "192.0.2.1")).isEqualTo(900);
        assertThat(t.waitSeconds("someone", "192.0.2.2")).as("other addresses").isZero();
        now.addAndGet(LoginThrottle.WINDOW_NANOS + 1);
        assertThat(t.waitSeconds("someone", "192.0.2.1")).isZero();
    }

    @Test
    void blocksAUserNameGuessedFromManyAddresses() {
        LoginThrottle t = new LoginThrottle(now::get);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("alice", "198.51.100." + i);
        assertThat(t.waitSeconds("alice", "203.0.113.7")).as("a fresh address does not help").isEqualTo(900);
        assertThat(t.waitSeconds("bob", "203.0.113.7")).as("other users").isZero();
        now.addAndGet(LoginThrottle.WINDOW_NANOS + 1);
        assertThat(t.waitSeconds("alice", "203.0.113.7")).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheUsersCountButNotTheAddresss() {
        LoginThrottle t = new LoginThrottle(now::get);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) t.failed("alice", "198.51.100." + i);
        t.succeeded("alice");
        t.failed("alice", "198.51.100.200");
        assertThat(t.waitSeconds("alice", "203.0.113.7")).isZero();
        // one account's owner cannot reset their address between guesses at others
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("victim" + i, "192.0.2.9");
        t.succeeded("mallory");
        assertThat(t.waitSeconds("mallory", "192.0.2.9")).isPositive();
    }

    @Test
    void aFloodFromManyAddressesNeitherGrowsTheTablesNorFreesAThrottledAddressOrUser() {
        LoginThrottle t = new LoginThrottle(now::get, 50);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("alice" , "192.0.2.1");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("bob", "192.0.2.50" + i);
        assertThat(t.waitSeconds("x", "192.0.2.1")).isPositive();
        assertThat(t.waitSeconds("bob", "203.0.113.1")).isPositive();

        for (int i = 0; i < 10_000; i++) t.failed("name" + i, "198.51.100." + i);
        assertThat(t.tracked()).as("bounded").isLessThanOrEqualTo(2 * 51);
        assertThat(t.waitSeconds("x", "192.0.2.1")).as("the throttled address stays throttled").isPositive();
        assertThat(t.waitSeconds("alice", "203.0.113.1")).as("the throttled user names stay throttled").isPositive();
        assertThat(t.waitSeconds("bob", "203.0.113.1")).isPositive();
        // a fresh name from a fresh address is not throttled for what the flood did: the flood evicted only unthrottled keys
        assertThat(t.waitSeconds("carol", "203.0.113.9")).isZero();
    }

    @Test
    void whenEveryTrackedKeyIsThrottledTheRestShareOneWindow() {
        LoginThrottle t = new LoginThrottle(now::get, 5);
        for (int a = 0; a < 5; a++) {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("user" + a, "192.0.2." + a);
        }
        assertThat(t.waitSeconds("newcomer", "203.0.113.1")).isZero();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) t.failed("flood" + i, "198.51.100." + i);
        assertThat(t.tracked()).isLessThanOrEqualTo(12);
        assertThat(t.waitSeconds("user0", "203.0.113.1")).as("no throttled key was evicted").isPositive();
        assertThat(t.waitSeconds("x", "192.0.2.0")).isPositive();
        // the flood itself is throttled as one guesser
        assertThat(t.waitSeconds("flood-next", "198.51.100.200")).isPositive();
        now.addAndGet(LoginThrottle.WINDOW_NANOS + 1);
        assertThat(t.waitSeconds("user0", "192.0.2.0")).isZero();
        t.failed("later", "203.0.113.9");
        assertThat(t.waitSeconds("later", "203.0.113.9")).isZero();
    }
}
