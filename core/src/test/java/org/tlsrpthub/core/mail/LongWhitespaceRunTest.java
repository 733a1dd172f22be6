package org.tlsrpthub.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.Report;

/**
 * The Subject and contact-info come from unauthenticated senders. A long run of spaces before their end
 * made regexes take quadratic time (hours for a contact-info of 1 MiB, the string limit). The
 * subject's reads are counted, so a quadratic pattern fails here instead of hanging.
 */
class LongWhitespaceRunTest {
    private static final String SPACES = " \t".repeat(100_000);

    @Test
    void subjectWithSpacesBeforeItsEndIsReadInLinearTime() {
        String subject = "Report Domain: example.com Submitter: google.com Report-ID: <x@google.com>" + SPACES + "y ";
        CountedReads counted = new CountedReads(subject, 20L * subject.length());
        assertThat(ReportSubject.parse(counted))
                .isEqualTo(new ReportSubject("example.com", "google.com", "<x@google.com> y"));
    }

    @Test
    void contactDomainDropsTrailingSpacesAndAngle() {
        assertThat(HeaderChecks.contactDomain("<tlsrpt@Sender.Example" + SPACES + ">")).isEqualTo("sender.example");
        assertThat(HeaderChecks.contactDomain("tlsrpt@sender.example" + SPACES + "x"))
                .isEqualTo("sender.example" + SPACES + "x");
    }

    @Test
    void reporterKeyStopsAtTheFirstSpace() {
        assertThat(report("<tlsrpt@Sender.Example" + SPACES + ">").reporterKey()).isEqualTo("sender.example");
        assertThat(report("tlsrpt@sender.example" + SPACES + "x").reporterKey()).isEqualTo("sender.example");
    }

    private static Report report(String contactInfo) {
        Instant start = Instant.parse("2025-05-13T00:00:00Z");
        return new Report("Sender Inc.", new DateRange(start, start.plusSeconds(86_400)), contactInfo, "id", List.of());
    }

    /** Text that fails the test once more than {@code budget} characters have been read from it. */
    private static final class CountedReads implements CharSequence {
        private final String text;
        private final long budget;
        private long reads;

        CountedReads(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++reads > budget) throw new AssertionError("more than " + budget + " character reads: not linear");
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
