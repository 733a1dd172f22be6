package org.tlsrpthub.hub.intake;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tlsrpthub.hub.dkim.DkimResult;
import org.tlsrpthub.hub.ingest.ReportOutcome;

/**
 * The one log line each received message gets (SMTP, IMAP, Maildir), so that an operator can match
 * an MTA's {@code status=sent} (by Message-ID) to what the hub did with the message. Header values
 * come from the sender: they are quoted and cut to one short line, so they cannot forge log lines.
 */
final class DeliveryLog {
    private static final int MAX_VALUE = 200;

    private DeliveryLog() {}

    /** {@code message-id="<…>" from="…" outcome=stored dkim="pass d=…" reports="google.com/2025-…"}. */
    static String line(String messageId, String from, String outcome, DkimResult dkim, List<ReportOutcome> reports) {
        String ids = reports.stream().map(r -> r.reporterKey() + "/" + r.reportId()).collect(Collectors.joining(" "));
        return "message-id=" + quoted(messageId) + " from=" + quoted(from) + " outcome=" + outcome.toLowerCase(Locale.ROOT)
                + " dkim=" + quoted(dkim == null ? null : dkim.stored()) + " reports=" + quoted(ids.isEmpty() ? null : ids);
    }

    private static String quoted(String value) {
        if (value == null) return "-";
        String v = value.replaceAll("[\\p{Cntrl}\"\\\\]+", " ").strip();
        return "\"" + (v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) + "…" : v) + "\"";
    }
}
