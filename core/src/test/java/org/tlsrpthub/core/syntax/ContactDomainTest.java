package org.tlsrpthub.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for the domain of a contact-info or TLS-Report-Submitter value. */
class ContactDomainTest {
    @Test
    void readsEveryShapeSendersUse() {
        assertThat(ContactDomain.of("smtp-tls-reporting@google.com")).hasValue("google.com");
        assertThat(ContactDomain.of("mailto:tlsrpt@Example.COM")).hasValue("example.com");
        assertThat(ContactDomain.of("https://r.example.org/x?y")).hasValue("r.example.org");
        assertThat(ContactDomain.of("Example Org <smtp-tls@example.org>")).hasValue("example.org");
        assertThat(ContactDomain.of(" example.net. ")).hasValue("example.net");
        assertThat(ContactDomain.of("tlsrpt@bücher.example")).hasValue("xn--bcher-kva.example");
    }

    @Test
    void findsNoneWhereThereIsNoHostName() {
        assertThat(ContactDomain.of(null)).isEmpty();
        assertThat(ContactDomain.of("Sender Inc.")).isEmpty();
        assertThat(ContactDomain.of("localhost")).isEmpty();
        assertThat(ContactDomain.of("a@b")).isEmpty();
        assertThat(ContactDomain.of("x@under_score.example")).isEmpty();
    }
}
