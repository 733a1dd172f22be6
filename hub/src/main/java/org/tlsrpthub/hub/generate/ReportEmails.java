package org.tlsrpthub.hub.generate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A generated report wrapped as a sender mails it (RFC 8460 §5.3): multipart/report with a text
 * part and the report as application/tlsrpt+gzip (or +json), the TLS-Report headers and the
 * §5.3 subject. For benchmarks and load tests of the mail paths.
 */
public final class ReportEmails {
    private ReportEmails() {}

    /** {@code fileName} as made by {@link ReportFiles}: submitter!policy-domain!begin!end!id.json[.gz]. */
    public static byte[] wrap(String fileName, byte[] payload, long sequence) {
        String[] f = fileName.split("!");
        String submitter = f[0];
        String domain = f.length > 1 ? f[1] : "unknown.example";
        boolean gz = fileName.endsWith(".gz");
        String id = sequence + "." + Integer.toHexString(fileName.hashCode());
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(payload);
        return ("From: tlsrpt-noreply@" + submitter + "\r\n"
                + "To: tlsrpt@" + domain + "\r\n"
                + "Subject: Report Domain: " + domain + " Submitter: " + submitter + " Report-ID: <" + id + "@" + submitter + ">\r\n"
                + "Message-ID: <" + id + "@" + submitter + ">\r\n"
                + "Date: Thu, 01 Jan 2026 00:00:00 +0000\r\n"
                + "TLS-Report-Domain: " + domain + "\r\n"
                + "TLS-Report-Submitter: " + submitter + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"=_tlsrpt_" + id + "\"\r\n"
                + "\r\n"
                + "--=_tlsrpt_" + id + "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                + "This is an aggregate TLS report from " + submitter + ".\r\n"
                + "--=_tlsrpt_" + id + "\r\n"
                + "Content-Type: application/tlsrpt+" + (gz ? "gzip" : "json") + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n\r\n"
                + b64 + "\r\n"
                + "--=_tlsrpt_" + id + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
