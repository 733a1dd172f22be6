package org.tlsrpthub.hub.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small RFC 8460 §5.3 report email, by default about example.net, sent by {@code submitter}. */
public final class ReportMail {
    private ReportMail() {}

    public static byte[] from(String submitter, String reportId) {
        return about("example.net", submitter, reportId);
    }

    /** The same about {@code domain}, spelt as given in the JSON and the headers. */
    public static byte[] about(String domain, String submitter, String reportId) {
        String json = json(domain, submitter, reportId);
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return ("From: tlsrpt@" + submitter + "\r\n"
                + "To: tlsrpt@hub.example\r\n"
                + "Subject: Report Domain: " + domain + " Submitter: " + submitter + " Report-ID: <" + reportId + ">\r\n"
                + "Message-ID: <" + reportId + "@" + submitter + ">\r\n"
                + "TLS-Report-Domain: " + domain + "\r\n"
                + "TLS-Report-Submitter: " + submitter + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThis is a TLS report.\r\n"
                + "--b1\r\nContent-Type: application/tlsrpt+json\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + submitter + "!" + domain + "!1761955200!1762041599.json\"\r\n\r\n"
                + b64 + "\r\n--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The report about example.net, as JSON (for HTTPS and files). */
    public static String json(String submitter, String reportId) {
        return json("example.net", submitter, reportId);
    }

    /** The report itself: 2026-11-01, seven successful sessions and one failed. */
    public static String json(String domain, String submitter, String reportId) {
        return """
                {"organization-name":"Reporter","date-range":{"start-datetime":"2026-11-01T00:00:00Z",\
                "end-datetime":"2026-11-01T23:59:59Z"},"contact-info":"tlsrpt@%s","report-id":"%s",\
                "policies":[{"policy":{"policy-type":"no-policy-found","policy-domain":"%s"},\
                "summary":{"total-successful-session-count":7,"total-failure-session-count":1},\
                "failure-details":[{"result-type":"starttls-not-supported","sending-mta-ip":"192.0.2.1",\
                "receiving-mx-hostname":"mx.example.net","failed-session-count":1}]}]}""".formatted(submitter, reportId, domain);
    }
}
