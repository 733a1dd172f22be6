package org.tlsrpthub.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.core.mail.TestEmails.BOUNDARY;
import static org.tlsrpthub.core.mail.TestEmails.NAME;
import static org.tlsrpthub.core.mail.TestEmails.base64;
import static org.tlsrpthub.core.mail.TestEmails.bytes;
import static org.tlsrpthub.core.mail.TestEmails.crlf;
import static org.tlsrpthub.core.mail.TestEmails.gzip;
import static org.tlsrpthub.core.mail.TestEmails.gzipPartHeaders;
import static org.tlsrpthub.core.mail.TestEmails.json;
import static org.tlsrpthub.core.mail.TestEmails.multipartReport;
import static org.tlsrpthub.core.mail.TestEmails.reportHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;

/** The message shapes RFC 8460 §5.3 describes and the ones real or careless senders produce instead. */
class ReportEmailShapesTest {
    private final ReportEmailExtractor extractor = new ReportEmailExtractor(Limits.DEFAULTS);

    private static List<WarningCode> codes(ParsedReport p) {
        return p.warnings().stream().map(Warning::code).toList();
    }

    private ReportEmail extract(byte[] message) throws ReportParseException {
        return extractor.extract(message, "test.eml");
    }

    private static String gzipReportEmail() {
        return multipartReport(gzipPartHeaders("application/tlsrpt+gzip", NAME + ".gz"), base64(gzip(json())));
    }

    @Test
    void rfcShapeWithLfGivesTheReportWithoutEmailWarnings() throws ReportParseException {
        ReportEmail email = extract(bytes(gzipReportEmail()));

        assertThat(email.metadata()).isEqualTo(new EmailMetadata(
                "Report Domain: policy.example Submitter: reporter.example Report-ID: <fixture-0001>",
                "TLS reporter <tlsrpt@reporter.example>", "<fixture-0001@reporter.example>",
                "Tue, 2 Jan 2024 08:00:00 +0000", Instant.parse("2024-01-02T08:00:00Z"),
                "policy.example", "reporter.example"));
        EmailReport r = email.reports().get(0);
        assertThat(email.reports()).hasSize(1);
        assertThat(r.partName()).isEqualTo("part 2");
        assertThat(r.contentType()).isEqualTo("application/tlsrpt+gzip");
        assertThat(r.filename()).isEqualTo(NAME + ".gz");
        assertThat(r.filenameFields().uniqueId()).isEqualTo("fixture-0001");
        assertThat(r.parsed().report().reportId()).isEqualTo("fixture-0001");
        assertThat(r.parsed().warnings()).isEmpty();
    }

    @Test
    void headersThatDecodeToNulCarryTheReplacementCharacterInstead() throws ReportParseException {
        // PostgreSQL text cannot hold U+0000, and the Message-ID is stored with the input
        String msg = gzipReportEmail().replace("Message-ID: <fixture-0001@reporter.example>", "Message-ID: =?utf-8?Q?fixture=00?=")
                .replace("TLS-Report-Domain: policy.example", "TLS-Report-Domain: =?utf-8?Q?policy=00.example?=");
        ReportEmail email = extract(bytes(msg));
        assertThat(email.metadata().messageId()).isEqualTo("fixture\uFFFD");
        assertThat(email.metadata().reportDomain()).isEqualTo("policy\uFFFD.example");
        ParsedReport parsed = email.reports().get(0).parsed();
        assertThat(codes(parsed)).contains(WarningCode.HEADER_DOMAIN_MISMATCH);
        assertThat(parsed.warnings()).allSatisfy(w -> assertThat(w.message() + w.where()).doesNotContain("\0"));
    }

    @Test
    void crlfGivesTheSameAsLf() throws ReportParseException {
        assertThat(extract(crlf(gzipReportEmail()))).isEqualTo(extract(bytes(gzipReportEmail())));
    }

    @Test
    void plainJsonPartLabelledJson() throws ReportParseException {
        String msg = multipartReport("Content-Type: application/tlsrpt+json\n"
                + "Content-Disposition: attachment; filename=\"" + NAME + "\"\n", new String(json(), StandardCharsets.UTF_8));
        ParsedReport p = extract(bytes(msg)).reports().get(0).parsed();
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void plainJsonInsidePartLabelledGzipIsReadWithAWarning() throws ReportParseException {
        String msg = multipartReport(gzipPartHeaders("application/tlsrpt+gzip", NAME + ".gz"), base64(json()));
        ParsedReport p = extract(bytes(msg)).reports().get(0).parsed();
        assertThat(codes(p)).containsExactly(WarningCode.CONTENT_TYPE_MISMATCH);
        assertThat(p.warnings().get(0).message()).contains("application/tlsrpt+gzip").contains("plain JSON");
        assertThat(p.warnings().get(0).where()).isEqualTo("part 2 Content-Type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "application/gzip", "application/x-gzip", "application/json"})
    void genericLabelsAreRecognisedByContent(String type) throws ReportParseException {
        String msg = multipartReport(gzipPartHeaders(type, NAME + ".gz"), base64(gzip(json())));
        EmailReport r = extract(bytes(msg)).reports().get(0);
        assertThat(r.contentType()).isEqualTo(type);
        assertThat(r.parsed().report().reportId()).isEqualTo("fixture-0001");
        assertThat(codes(r.parsed())).containsExactly(WarningCode.CONTENT_TYPE_MISMATCH);
    }

    @Test
    void zipPartIsRecognised() throws ReportParseException {
        String msg = multipartReport(gzipPartHeaders("application/zip", NAME + ".zip"),
                base64(TestEmails.zip(NAME, json())));
        EmailReport r = extract(bytes(msg)).reports().get(0);
        assertThat(r.parsed().report().reportId()).isEqualTo("fixture-0001");
        assertThat(r.filenameFields().extension()).isEqualTo("json.zip");
        assertThat(codes(r.parsed())).containsExactly(WarningCode.CONTENT_TYPE_MISMATCH);
    }

    @Test
    void unlabelledPartWithAReportNameIsRecognised() throws ReportParseException {
        // text/plain by default (no Content-Type), but named like a report and holding one
        String msg = multipartReport("Content-Disposition: attachment; filename=\"" + NAME + "\"\n",
                new String(json(), StandardCharsets.UTF_8));
        assertThat(extract(bytes(msg)).reports()).hasSize(1);
    }

    @Test
    void gzipWithTrailingBytesIsRead() throws ReportParseException {
        byte[] gz = gzip(json());
        byte[] tail = "\r\n-- appended by a gateway\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] padded = Arrays.copyOf(gz, gz.length + tail.length);
        System.arraycopy(tail, 0, padded, gz.length, tail.length);
        String msg = multipartReport(gzipPartHeaders("application/tlsrpt+gzip", NAME + ".gz"), base64(padded));
        assertThat(codes(extract(bytes(msg)).reports().get(0).parsed())).contains(WarningCode.GZIP_TRAILING_BYTES);
    }

    @Test
    void singlePartMessageWhoseBodyIsTheReport() throws ReportParseException {
        String msg = reportHeaders() + "Content-Type: application/tlsrpt+gzip\n"
                + "Content-Transfer-Encoding: base64\n\n" + base64(gzip(json())) + "\n";
        EmailReport r = extract(bytes(msg)).reports().get(0);
        assertThat(r.partName()).isEqualTo("body");
        assertThat(codes(r.parsed())).containsExactly(WarningCode.UNUSUAL_MESSAGE_SHAPE);
    }

    @Test
    void singlePartPlainTextBodyHoldingJson() throws ReportParseException {
        String msg = reportHeaders() + "Content-Type: text/plain\n\n" + new String(json(), StandardCharsets.UTF_8);
        EmailReport r = extract(bytes(msg)).reports().get(0);
        assertThat(r.contentType()).isEqualTo("text/plain");
        assertThat(codes(r.parsed())).containsExactly(WarningCode.UNUSUAL_MESSAGE_SHAPE);
    }

    @Test
    void multipartMixedInsteadOfReport() throws ReportParseException {
        String msg = gzipReportEmail().replace("multipart/report; report-type=\"tlsrpt\";", "multipart/mixed;");
        ParsedReport p = extract(bytes(msg)).reports().get(0).parsed();
        assertThat(codes(p)).containsExactly(WarningCode.UNUSUAL_MESSAGE_SHAPE);
        assertThat(p.warnings().get(0).message()).contains("multipart/mixed");
    }

    @Test
    void forwardedReportIsFoundInsideMessageRfc822() throws ReportParseException {
        String inner = gzipReportEmail();
        String outer = """
                From: Postmaster <postmaster@policy.example>
                To: admin@policy.example
                Subject: Fwd: TLS report
                Message-ID: <fwd-1@policy.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: text/plain

                See the attached report.
                --outer
                Content-Type: message/rfc822
                Content-Disposition: attachment

                """ + inner + "--outer--\n";
        ReportEmail email = extract(bytes(outer));
        assertThat(email.metadata().subject()).isEqualTo("Fwd: TLS report");
        assertThat(email.metadata().reportDomain()).isNull();
        EmailReport r = email.reports().get(0);
        assertThat(r.partName()).isEqualTo("part 2.2");
        assertThat(r.message().reportDomain()).isEqualTo("policy.example");
        assertThat(r.message().messageId()).isEqualTo("<fixture-0001@reporter.example>");
        assertThat(codes(r.parsed())).containsExactly(WarningCode.UNUSUAL_MESSAGE_SHAPE);
        assertThat(r.parsed().warnings().get(0).message()).contains("forwarded");
    }

    @Test
    void rfc2231EncodedAndContinuedFilename() throws ReportParseException {
        String encoded = NAME.replace("!", "%21") + ".gz";
        String half = encoded.length() / 2 + "";
        String headers = "Content-Type: application/tlsrpt+gzip\n"
                + "Content-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment;\n"
                + " filename*0*=UTF-8''" + encoded.substring(0, Integer.parseInt(half)) + ";\n"
                + " filename*1*=" + encoded.substring(Integer.parseInt(half)) + "\n";
        EmailReport r = extract(bytes(multipartReport(headers, base64(gzip(json()))))).reports().get(0);
        assertThat(r.filename()).isEqualTo(NAME + ".gz");
        assertThat(r.parsed().warnings()).isEmpty();
    }

    @Test
    void filenameOnlyInContentTypeName() throws ReportParseException {
        String headers = "Content-Type: application/tlsrpt+gzip; name=\"" + NAME + ".gz\"\n"
                + "Content-Transfer-Encoding: base64\n";
        EmailReport r = extract(bytes(multipartReport(headers, base64(gzip(json()))))).reports().get(0);
        assertThat(r.filename()).isEqualTo(NAME + ".gz");
    }

    @Test
    void missingReportHeadersAreWarnings() throws ReportParseException {
        String msg = gzipReportEmail().replaceAll("TLS-Report-(Domain|Submitter): .*\n", "");
        ParsedReport p = extract(bytes(msg)).reports().get(0).parsed();
        assertThat(codes(p)).containsExactly(WarningCode.MISSING_REPORT_HEADER, WarningCode.MISSING_REPORT_HEADER);
    }

    @Test
    void headersSubjectAndFilenameThatDisagreeWithTheJsonAreWarnings() throws ReportParseException {
        String msg = multipartReport(gzipPartHeaders("application/tlsrpt+gzip",
                        "other.example!policy.example!1704067200!1704153599.json.gz"), base64(gzip(json())))
                .replace("TLS-Report-Domain: policy.example", "TLS-Report-Domain: wrong.example")
                .replace("TLS-Report-Submitter: reporter.example", "TLS-Report-Submitter: Reporter.Example.")
                .replace("Submitter: reporter.example Report-ID", "Submitter: other.example Report-ID");
        ParsedReport p = extract(bytes(msg)).reports().get(0).parsed();
        // Submitter differs only in case and a trailing dot: the same domain.
        assertThat(codes(p)).containsExactly(WarningCode.HEADER_DOMAIN_MISMATCH, WarningCode.SUBJECT_MISMATCH,
                WarningCode.FILENAME_MISMATCH);
        assertThat(p.warnings().get(2).message()).contains("other.example").doesNotContain("begin");
    }

    @Test
    void twoReportPartsGiveTwoReports() throws ReportParseException {
        String second = "--" + BOUNDARY + "\n" + gzipPartHeaders("application/tlsrpt+gzip", NAME + ".gz") + "\n"
                + base64(gzip(json())) + "\n--" + BOUNDARY + "--\n";
        String msg = gzipReportEmail().replace("--" + BOUNDARY + "--\n", second);
        ReportEmail email = extract(bytes(msg));
        assertThat(email.reports()).extracting(EmailReport::partName).containsExactly("part 2", "part 3");
    }
}
