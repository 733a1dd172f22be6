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
}
