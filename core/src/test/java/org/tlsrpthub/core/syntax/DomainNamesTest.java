package org.tlsrpthub.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainNamesTest {

    @Test
    void uLabelsBecomeLowerCaseALabelsWithoutTrailingDot() {
        assertThat(DomainNames.toALabels("Bücher.Example.")).contains("xn--bcher-kva.example");
        assertThat(DomainNames.toALabels("MAIL.example.com")).contains("mail.example.com");
    }

    @Test
    void namesThatAreNotHostNamesAreRefused() {
        assertThat(DomainNames.toALabels("")).isEmpty();
        assertThat(DomainNames.toALabels(".")).isEmpty();
        assertThat(DomainNames.toALabels("a..b")).isEmpty();
        assertThat(DomainNames.toALabels("-a.example")).isEmpty();
        assertThat(DomainNames.toALabels("a_b.example")).isEmpty();
        assertThat(DomainNames.toALabels("a".repeat(64) + ".example")).isEmpty();
        assertThat(DomainNames.isHostName("a".repeat(63) + ".example")).isTrue();
    }

    @Test
    void normalisingGivesEverySpellingOfAHostNameOneForm() {
        assertThat(DomainNames.normalise("Example.COM.")).isEqualTo("example.com");
        assertThat(DomainNames.normalise(" example.com ")).isEqualTo("example.com");
        assertThat(DomainNames.normalise("Bücher.example")).isEqualTo(DomainNames.normalise("XN--BCHER-KVA.example."));
    }

    @Test
    void normalisingKeepsANameThatIsNotAHostNameAsGiven() {
        assertThat(DomainNames.normalise("Under_Score.example.")).isEqualTo("Under_Score.example.");
        assertThat(DomainNames.normalise("two words.example")).isEqualTo("two words.example");
        assertThat(DomainNames.normalise(".")).isEqualTo(".");
        assertThat(DomainNames.normalise("")).isEmpty();
    }
}
