package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The MX host name against a certificate's names, as RFC 8461 §4.1 / RFC 6125 §6.4 say. */
class HostNameMatchTest {
    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
            "mx1.example.com, mx1.example.com, true",
            "MX1.Example.COM., mx1.example.com, true",
            "mx1.example.com, *.example.com, true",
            "a.mx1.example.com, *.example.com, false",
            "example.com, *.example.com, false",
            "mx1.example.com, mx*.example.com, false",
            "mx1.example.com, *.com, false",
            "mx1.example.com, mx2.example.com, false",
            "mx1.example.com, *.*.com, false",
    })
    void matches(String host, String name, boolean expected) {
        assertThat(HostNameMatch.matches(host, List.of(name))).isEqualTo(expected);
    }
}
