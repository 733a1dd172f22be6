package org.tlsrpthub.core.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small hand-made report emails for the shapes the corpus does not have. Written here, not copied. */
final class TestEmails {
    /** The RFC 8460 §5.1 name of {@link #json()}: 2024-01-01 00:00:00Z .. 23:59:59Z. */
    static final String NAME = "reporter.example!policy.example!1704067200!1704153599!fixture-0001.json";
    static final String BOUNDARY = "b0undary-1";

    private TestEmails() {}

    /** A valid report: reporter.example, policy.example, report-id fixture-0001. */
    static byte[] json() {
        try (InputStream in = TestEmails.class.getResourceAsStream("/mail/report.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(String entry, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(data);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    /** The headers of a well-formed report email, without Content-Type. */
    static String reportHeaders() {
        return """
                From: TLS reporter <tlsrpt@reporter.example>
                To: tlsrpt@policy.example
                Date: Tue, 2 Jan 2024 08:00:00 +0000
                Message-ID: <fixture-0001@reporter.example>
                Subject: Report Domain: policy.example Submitter: reporter.example Report-ID: <fixture-0001>
                TLS-Report-Domain: policy.example
                TLS-Report-Submitter: reporter.example
                MIME-Version: 1.0
                """;
    }

    /** A multipart/report message: text part then one report part with the given headers and body. */
    static String multipartReport(String partHeaders, String partBody) {
        return reportHeaders()
                + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"" + BOUNDARY + "\"\n"
                + "\n"
                + "--" + BOUNDARY + "\n"
                + "Content-Type: text/plain; charset=us-ascii\n"
                + "\n"
                + "This is a TLS report.\n"
                + "--" + BOUNDARY + "\n"
                + partHeaders.stripTrailing() + "\n"
                + "\n"
                + partBody.stripTrailing() + "\n"
                + "--" + BOUNDARY + "--\n";
    }

    /** The usual report part: application/tlsrpt+gzip, base64, with the RFC name. */
    static String gzipPartHeaders(String type, String filename) {
        return "Content-Type: " + type + "\n"
                + "Content-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\n";
    }

    static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] crlf(String message) {
        return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
