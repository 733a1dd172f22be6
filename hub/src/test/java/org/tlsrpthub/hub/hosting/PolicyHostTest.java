package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy domain of a Host header: what is tolerated and what is no policy host at all. */
class PolicyHostTest {
    @ParameterizedTest
    @CsvSource({"mta-sts.a.test, a.test", "MTA-STS.Example.COM, example.com", "mta-sts.a.test:443, a.test",
            "mta-sts.a.test., a.test", "mta-sts.a.test.:8443, a.test", "' mta-sts.xn--bcher-kva.example ', xn--bcher-kva.example",
            "mta-sts.sub.a.test, sub.a.test"})
    void policyHosts(String host, String domain) {
        assertThat(PolicyHost.domainOf(host)).contains(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.test", "mta-sts.", "mta-sts.a", "mta-sts.a.test:", "mta-sts.a.test:https", "mta-sts.a.test:123456",
            "[::1]:8080", "[::1]", "127.0.0.1", "127.0.0.1:8080", "mta-sts.a..test", "mta-sts.-a.test", "mta-sts.a.test/x",
            "mta-sts.a test", "mta-sts.a.test..", "www.mta-sts.a.test"})
    void notPolicyHosts(String host) {
        assertThat(PolicyHost.domainOf(host)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void noHostHeaderIsNoPolicyHost() {
        assertThat(PolicyHost.domainOf(null)).isEqualTo(Optional.empty());
    }
}
