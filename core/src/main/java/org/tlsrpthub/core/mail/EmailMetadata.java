package org.tlsrpthub.core.mail;

import java.time.Instant;

/**
 * The headers of a report email that matter for TLS-RPT (RFC 8460 §5.3), unfolded and decoded
 * (RFC 2047). Every field is null when the header is absent.
 *
 * @param subject         {@code Subject}
 * @param from            {@code From}, as written (display name and address)
 * @param messageId       {@code Message-ID}, angle brackets kept
 * @param dateRaw         {@code Date}, as written
 * @param date            {@code Date} as an instant, when it could be read (leniently: see {@link EmailDates})
 * @param reportDomain    {@code TLS-Report-Domain}
 * @param reportSubmitter {@code TLS-Report-Submitter}
 */
public record EmailMetadata(
        String subject,
        String from,
        String messageId,
        String dateRaw,
        Instant date,
        String reportDomain,
        String reportSubmitter) {

    /** The Subject's §5.3 fields, or null when it does not have that shape. */
    public ReportSubject subjectFields() {
        return ReportSubject.parse(subject);
    }
}
