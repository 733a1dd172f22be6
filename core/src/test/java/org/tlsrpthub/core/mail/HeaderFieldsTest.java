package org.tlsrpthub.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small parsers for the attachment name (RFC 8460 §5.1), the Subject (§5.3) and the Date. */
class HeaderFieldsTest {

    @Test
    void filenameWithUniqueId() {
        assertThat(ReportFilename.parse("google.com!Example.COM!1583107200!1583193599!001.json.gz"))
                .isEqualTo(new ReportFilename("google.com", "example.com", Instant.parse("2020-03-02T00:00:00Z"),
                        Instant.parse("2020-03-02T23:59:59Z"), "001", "json.gz"));
    }

    @Test
    void filenameWithoutUniqueId() {
        ReportFilename f = ReportFilename.parse("ppatk.go.id!example.com!1740960000!1741046399.json");
        assertThat(f.uniqueId()).isNull();
        assertThat(f.extension()).isEqualTo("json");
        assertThat(f.sender()).isEqualTo("ppatk.go.id");
    }

    @Test
    void filenamesWithoutTheRfcShapeGiveNull() {
        assertThat(ReportFilename.parse(null)).isNull();
        assertThat(ReportFilename.parse("report.json.gz")).isNull();
        assertThat(ReportFilename.parse("a!b!notanumber!2.json")).isNull();
        assertThat(ReportFilename.parse("a!b!1!2!x.txt")).isNull();
        assertThat(ReportFilename.parse("a!b!99999999999999999999!2.json")).isNull();
    }

    @Test
    void subjectOnOneLineAndFolded() {
        assertThat(ReportSubject.parse("Report Domain: example.com Submitter: google.com Report-ID: <x@google.com>"))
                .isEqualTo(new ReportSubject("example.com", "google.com", "<x@google.com>"));
        assertThat(ReportSubject.parse("Report Domain: example.com Submitter: microsoft.com Report-ID:  12+example.com"))
                .isEqualTo(new ReportSubject("example.com", "microsoft.com", "12+example.com"));
        assertThat(ReportSubject.parse("report domain: A.example submitter: B.example"))
                .isEqualTo(new ReportSubject("a.example", "b.example", null));
        assertThat(ReportSubject.parse("Fwd: hello")).isNull();
    }

    @Test
    void datesStrictAndLenient() {
        assertThat(EmailDates.parse("Tue, 03 Mar 2020 02:24:39 -0800")).isEqualTo(Instant.parse("2020-03-03T10:24:39Z"));
        assertThat(EmailDates.parse("Fri, 3 Feb 2023 05:09:22 +0000 (UTC)")).isEqualTo(Instant.parse("2023-02-03T05:09:22Z"));
        // RFC 8460 §5.3.1 sample: month before day, and the weekday is wrong (9 May 2017 was a Tuesday)
        assertThat(EmailDates.parse("Fri, May 09 2017 16:54:30 -0800")).isEqualTo(Instant.parse("2017-05-10T00:54:30Z"));
        assertThat(EmailDates.parse("yesterday")).isNull();
        assertThat(EmailDates.parse(null)).isNull();
    }
}
