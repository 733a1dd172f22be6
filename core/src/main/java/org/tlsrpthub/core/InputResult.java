package org.tlsrpthub.core;

import java.util.List;
import java.util.Objects;
import org.tlsrpthub.core.mail.ReportEmail;
import org.tlsrpthub.core.report.ParsedReport;

/**
 * What {@link InputReader} found in one input.
 *
 * @param format  how the input was packed
 * @param reports the reports, at least one; for an email, with the email-level warnings added
 * @param email   the email taken apart; null unless {@code format} is {@link InputFormat#EMAIL}
 */
public record InputResult(InputFormat format, List<ParsedReport> reports, ReportEmail email) {

    public InputResult {
        Objects.requireNonNull(format, "format");
        reports = List.copyOf(reports);
        if ((format == InputFormat.EMAIL) != (email != null)) {
            throw new IllegalArgumentException("email must be given exactly when the format is EMAIL");
        }
    }
}
