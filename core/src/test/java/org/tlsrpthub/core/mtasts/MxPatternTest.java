package org.tlsrpthub.core.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MxPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "mail.example.com,   mail.example.com,     true",
            "mail.example.com,   MAIL.Example.COM.,    true",
            "mail.example.com,   mail.example.com.,    true",
            "mail.example.com,   mx.example.com,       false",
            "mail.example.com,   example.com,          false",
            "mail.example.com,   a.mail.example.com,   false",
            "*.example.com,      mail.example.com,     true",
            "*.example.com,      MAIL.EXAMPLE.COM.,    true",
            "*.example.com,      example.com,          false",
            "*.example.com,      a.b.example.com,      false",
            "*.example.com,      mail.example.org,     false",
            "*.example.com,      mailexample.com,      false",
            "*.example.com,      .example.com,         false",
            "*.Example.COM,      mx1.example.com,      true",
            "*.xn--bcher-kva.example, mx.bücher.example, true",
            "mx.bücher.example,  MX.xn--bcher-kva.example, true",
            "mail.example.com,   '',                   false",
            "mail.example.com,   'mail example.com',   false",
    })
    void matchingFollowsRfc8461Section41(String pattern, String host, boolean matches) {
        assertThat(MxPattern.of(pattern).matches(host)).isEqualTo(matches);
    }

    @Test
    void patternsAreNormalisedToLowerCaseALabelsWithoutTrailingDot() {
        assertThat(MxPattern.of("*.Bücher.Example.").pattern()).isEqualTo("*.xn--bcher-kva.example");
        assertThat(MxPattern.of("*.example.com").isWildcard()).isTrue();
    }

    @Test
    void aStarAnywhereButTheWholeLeftmostLabelIsRefused() {
        assertThatThrownBy(() -> MxPattern.of("mail*.example.com")).hasMessageContaining("leftmost");
        assertThatThrownBy(() -> MxPattern.of("a.*.example.com")).hasMessageContaining("leftmost");
        assertThatThrownBy(() -> MxPattern.of("*")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNormalisedMxHostIsLowerCaseALabelsWithoutTrailingDot() {
        assertThat(MxPattern.normaliseHost("MX.Bücher.Example.")).contains("mx.xn--bcher-kva.example");
        assertThat(MxPattern.normaliseHost("-bad.example")).isEmpty();
    }
}
