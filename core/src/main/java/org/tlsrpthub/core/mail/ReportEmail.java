package org.tlsrpthub.core.mail;

import java.util.List;
import java.util.Objects;

/**
 * A report email taken apart: its headers and the report(s) it carries (at least one).
 *
 * @param metadata the top-level message's headers
 * @param reports  the reports, in the order of their parts
 */
public record ReportEmail(EmailMetadata metadata, List<EmailReport> reports) {

    public ReportEmail {
        Objects.requireNonNull(metadata, "metadata");
        reports = List.copyOf(reports);
    }
}
