package org.tlsrpthub.core.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

/**
 * Generated reports shaped like the ones Google and Microsoft send (see the shared corpus): compact
 * one-line JSON, an sts policy with its policy-string lines, a few failure details with IPs. Each
 * variant has its own report-id, day, counts and addresses, so no two inputs are byte-identical.
 */
final class SampleReports {
    private SampleReports() {}

    /** A typical report of about 2 KB of JSON: Google-shaped for even {@code i}, Microsoft-shaped for odd. */
    static String typical(int i) {
        return i % 2 == 0 ? google(i) : microsoft(i);
    }

    /** Google: mx-host array, failure details with sending-mta-ip, receiving-ip and receiving-mx-hostname. */
    static String google(int i) {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 365);
        String domain = "example" + (i % 97) + ".com";
        StringBuilder sb = new StringBuilder(2400);
        header(sb, "Google Inc.", day, "smtp-tls-reporting@google.com", day + "T00:00:00Z_" + domain);
        stsPolicy(sb, domain, true);
        int details = 5 + i % 3;
        long failures = 0;
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < details; k++) {
            long n = 1 + (i + k) % 7;
            failures += n;
            if (k > 0) d.append(',');
            d.append("{\"result-type\":\"").append(k % 2 == 0 ? "validation-failure" : "certificate-expired")
                    .append("\",\"sending-mta-ip\":\"209.85.").append((i + k) % 256).append('.').append((i * 7 + k) % 256)
                    .append("\",\"receiving-mx-hostname\":\"mx").append(k % 3 + 1).append('.').append(domain)
                    .append("\",\"receiving-ip\":\"203.0.113.").append((i + 3 * k) % 256)
                    .append("\",\"failed-session-count\":").append(n)
                    .append(",\"failure-reason-code\":\"X509_V_ERR_CERT_HAS_EXPIRED\"}");
        }
        summaryAndDetails(sb, 1000 + i % 5000, failures, d);
        return sb.append("]}").toString();
    }

    /** Microsoft: report-id of digits + domain, no mx-host, details without sending-mta-ip (a warning each). */
    static String microsoft(int i) {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 365);
        String domain = "example" + (i % 97) + ".net";
        StringBuilder sb = new StringBuilder(2400);
        header(sb, "Microsoft Corporation", day, "tlsrpt-noreply@microsoft.com",
                (133843802167204397L + i) + "+" + domain);
        stsPolicy(sb, domain, false);
        int details = 8 + i % 3;
        long failures = 0;
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < details; k++) {
            long n = 1 + (i * 3 + k) % 21;
            failures += n;
            if (k > 0) d.append(',');
            d.append("{\"result-type\":\"").append(k % 3 == 0 ? "certificate-host-mismatch" : "sts-webpki-invalid")
                    .append("\",\"receiving-mx-hostname\":\"outgoing-smtp-").append(k % 3 + 1).append('.').append(domain)
                    .append("\",\"receiving-ip\":\"").append(k % 2 == 0 ? "192.0.2." + (i + k) % 256
                            : "2001:db8:" + Integer.toHexString(i % 65536) + "::" + Integer.toHexString(k + 1))
                    .append("\",\"failed-session-count\":").append(n).append('}');
        }
        summaryAndDetails(sb, 200 + i % 3000, failures, d);
        return sb.append("]}").toString();
    }

    /** One report with {@code details} failure details (all distinct IPs), for the large-report benchmark. */
    static String withDetails(int details) {
        String domain = "example.com";
        StringBuilder sb = new StringBuilder(details * 220 + 1024);
        header(sb, "Google Inc.", LocalDate.of(2025, 5, 13), "smtp-tls-reporting@google.com", "2025-05-13T00:00:00Z_" + domain);
        stsPolicy(sb, domain, true);
        long failures = 0;
        StringBuilder d = new StringBuilder(details * 220);
        for (int k = 0; k < details; k++) {
            long n = 1 + k % 5;
            failures += n;
            if (k > 0) d.append(',');
            d.append("{\"result-type\":\"").append(k % 4 == 0 ? "certificate-expired" : "validation-failure")
                    .append("\",\"sending-mta-ip\":\"").append(k % 3 == 0 ? "2001:db8:" + Integer.toHexString(k) + "::25"
                            : "10." + (k >> 16 & 255) + '.' + (k >> 8 & 255) + '.' + (k & 255))
                    .append("\",\"receiving-mx-hostname\":\"mx").append(k % 3 + 1).append('.').append(domain)
                    .append("\",\"receiving-ip\":\"198.51.100.").append(k % 256)
                    .append("\",\"failed-session-count\":").append(n).append('}');
        }
        summaryAndDetails(sb, 123456, failures, d);
        return sb.append("]}").toString();
    }

    private static void header(StringBuilder sb, String org, LocalDate day, String contact, String reportId) {
        sb.append("{\"organization-name\":\"").append(org)
                .append("\",\"date-range\":{\"start-datetime\":\"").append(day).append("T00:00:00Z\",\"end-datetime\":\"")
                .append(day).append("T23:59:59Z\"},\"contact-info\":\"").append(contact)
                .append("\",\"report-id\":\"").append(reportId).append("\",\"policies\":[");
    }

    private static void stsPolicy(StringBuilder sb, String domain, boolean mxHost) {
        sb.append("{\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\",\"mode: enforce\",")
                .append("\"mx: mx1.").append(domain).append("\",\"mx: mx2.").append(domain).append("\",\"mx: *.mail.")
                .append(domain).append("\",\"max_age: 604800\"],\"policy-domain\":\"").append(domain).append('"');
        if (mxHost) {
            sb.append(",\"mx-host\":[\"mx1.").append(domain).append("\",\"mx2.").append(domain)
                    .append("\",\"*.mail.").append(domain).append("\"]");
        }
        sb.append('}');
    }

    private static void summaryAndDetails(StringBuilder sb, long successes, long failures, StringBuilder details) {
        sb.append(",\"summary\":{\"total-successful-session-count\":").append(successes)
                .append(",\"total-failure-session-count\":").append(failures).append("},\"failure-details\":[")
                .append(details).append("]}");
    }

    static byte[] gzip(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
