package org.tlsrpthub.core.mail;

import java.util.Objects;
import org.tlsrpthub.core.report.ParsedReport;

/**
 * One report found in an email.
 *
 * @param partName       where it was found, e.g. {@code part 2}, {@code part 2.1} (inside a forwarded message)
 *                       or {@code body} (a single-part message)
 * @param filename       the attachment's file name; null when the part has none
 * @param contentType    the part's media type, lower-case, without parameters
 * @param filenameFields the RFC 8460 §5.1 fields of {@code filename}; null when it lacks that shape
 * @param message        the headers of the message that carried this part: the top-level message, or
 *                       the forwarded {@code message/rfc822} one
 * @param parsed         the report, with the email-level warnings added to those of the JSON
 */
public record EmailReport(
        String partName,
        String filename,
        String contentType,
        ReportFilename filenameFields,
        EmailMetadata message,
        ParsedReport parsed) {

    public EmailReport {
        Objects.requireNonNull(partName, "partName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(parsed, "parsed");
    }
}
