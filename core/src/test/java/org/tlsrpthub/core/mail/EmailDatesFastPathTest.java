package org.tlsrpthub.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fast path for the common shape gives the same instants as before, and odd shapes still reach the fallbacks. */
class EmailDatesFastPathTest {
    @Test
    void readsCommonAndOddDates() {
        assertThat(EmailDates.parse("Tue, 03 Mar 2020 02:24:39 -0800")).isEqualTo(Instant.parse("2020-03-03T10:24:39Z"));
        assertThat(EmailDates.parse("Fri, 3 Feb 2023 05:09:22 +0000 (UTC)")).isEqualTo(Instant.parse("2023-02-03T05:09:22Z"));
        assertThat(EmailDates.parse("3 Feb 2023 05:09:22 GMT")).isEqualTo(Instant.parse("2023-02-03T05:09:22Z"));
        // wrong day-of-week (the RFC 8460 sample): refused by the fast path, read by the fallbacks
        assertThat(EmailDates.parse("Fri, May 09 2017 16:54:30 -0800")).isEqualTo(Instant.parse("2017-05-10T00:54:30Z"));
        assertThat(EmailDates.parse("Mon, 03 Mar 2020 02:24:39 -0800")).isEqualTo(Instant.parse("2020-03-03T10:24:39Z"));
        assertThat(EmailDates.parse("Sat, 22 Nov 2026 18:05:09 +0530")).isEqualTo(Instant.parse("2026-11-22T12:35:09Z"));
        assertThat(EmailDates.parse("22 nov 2026 18:05 -0030")).isEqualTo(Instant.parse("2026-11-22T18:35:00Z"));
        assertThat(EmailDates.parse("Sun, 22 Nov 2026 18:05:09 UT")).isEqualTo(Instant.parse("2026-11-22T18:05:09Z"));
        assertThat(EmailDates.parse("yesterday")).isNull();
        assertThat(EmailDates.parse(null)).isNull();
    }
}
