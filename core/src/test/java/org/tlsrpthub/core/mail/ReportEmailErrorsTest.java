package org.tlsrpthub.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tlsrpthub.core.mail.TestEmails.BOUNDARY;
import static org.tlsrpthub.core.mail.TestEmails.NAME;
import static org.tlsrpthub.core.mail.TestEmails.base64;
import static org.tlsrpthub.core.mail.TestEmails.bytes;
import static org.tlsrpthub.core.mail.TestEmails.gzip;
import static org.tlsrpthub.core.mail.TestEmails.gzipPartHeaders;
import static org.tlsrpthub.core.mail.TestEmails.json;
import static org.tlsrpthub.core.mail.TestEmails.multipartReport;
import static org.tlsrpthub.core.mail.TestEmails.reportHeaders;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;

/** Emails that must be refused, with a kind and a message that say what and where. */
class ReportEmailErrorsTest {

    private static ReportParseException refuse(Limits limits, byte[] message) {
        return catchThrowableOfType(ReportParseException.class,
                () -> new ReportEmailExtractor(limits).extract(message, "in.eml"));
    }

    private static ReportParseException refuse(byte[] message) {
        return refuse(Limits.DEFAULTS, message);
    }

    private static String gzipReportEmail() {
        return multipartReport(gzipPartHeaders("application/tlsrpt+gzip", NAME + ".gz"), base64(gzip(json())));
    }

    @Test
    void noReportPartListsThePartsSeen() {
        String msg = multipartReport("Content-Type: image/png\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=\"x.png\"\n", base64(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        ReportParseException e = refuse(bytes(msg));
        assertThat(e.kind()).isEqualTo(Kind.BAD_EMAIL);
        assertThat(e.getMessage()).isEqualTo("in.eml: no TLS-RPT report found in the message "
                + "(parts: part 1 text/plain, part 2 image/png \"x.png\")");
    }

    @Test
    void octetStreamThatIsNotAReportIsNotTakenForOne() {
        String msg = multipartReport(gzipPartHeaders("application/octet-stream", "notes.bin"), base64(new byte[] {1, 2, 3}));
        assertThat(refuse(bytes(msg)).kind()).isEqualTo(Kind.BAD_EMAIL);
    }

    @Test
    void brokenGzipInAReportPartIsReattributedToThePart() {
        byte[] gz = gzip(json());
        byte[] truncated = Arrays.copyOf(gz, gz.length / 2);
        String msg = multipartReport(gzipPartHeaders("application/tlsrpt+gzip", NAME + ".gz"), base64(truncated));
        ReportParseException e = refuse(bytes(msg));
        assertThat(e.kind()).isEqualTo(Kind.BAD_COMPRESSION);
        assertThat(e.source()).isEqualTo("in.eml part 2 (" + NAME + ".gz)");
    }

    @Test
    void badJsonInAReportPartNamesThePart() {
        String msg = multipartReport("Content-Type: application/tlsrpt+json\n", "{\"organization-name\": ");
        ReportParseException e = refuse(bytes(msg));
        assertThat(e.kind()).isEqualTo(Kind.BAD_JSON);
        assertThat(e.source()).isEqualTo("in.eml part 2");
    }

    @Test
    void brokenGenericPartIsTheErrorOnlyWhenNoReportIsFound() throws ReportParseException {
        byte[] gz = gzip("not a report at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String logs = "--" + BOUNDARY + "\n" + gzipPartHeaders("application/gzip", "logs.gz") + "\n" + base64(gz) + "\n";
        // alone: its parse error is the answer
        String alone = multipartReport(gzipPartHeaders("application/gzip", "logs.gz"), base64(gz));
        ReportParseException e = refuse(bytes(alone));
        assertThat(e.kind()).isEqualTo(Kind.UNRECOGNISED_FORMAT); // gunzipped, it is not JSON
        assertThat(e.source()).isEqualTo("in.eml part 2 (logs.gz)");
        // next to a real report: ignored
        String both = gzipReportEmail().replace("--" + BOUNDARY + "--\n", logs + "--" + BOUNDARY + "--\n");
        assertThat(new ReportEmailExtractor(Limits.DEFAULTS).extract(bytes(both), "in.eml").reports()).hasSize(1);
    }

    @Test
    void messageLargerThanMaxInputBytes() {
        byte[] msg = bytes(gzipReportEmail());
        ReportParseException e = refuse(Limits.DEFAULTS.withMaxInputBytes(100), msg);
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("maxInputBytes=100").contains(String.valueOf(msg.length));
    }

    @Test
    void tooManyParts() {
        ReportParseException e = refuse(Limits.DEFAULTS.withMaxMimeParts(1), bytes(gzipReportEmail()));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("maxMimeParts=1");
    }

    @Test
    void nestingDeeperThanMaxMimeDepth() {
        // multipart/mixed inside multipart/mixed ... 12 levels, the report at the bottom
        String body = gzipReportEmail();
        for (int i = 0; i < 12; i++) {
            body = "Content-Type: multipart/mixed; boundary=\"n" + i + "\"\n\n--n" + i + "\n" + body + "--n" + i + "--\n";
        }
        ReportParseException e = refuse(Limits.DEFAULTS.withMaxMimeDepth(4), bytes(reportHeaders() + body));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("maxMimeDepth=4");
    }

    @Test
    void forwardedMessagesCountTowardsTheDepth() {
        String msg = gzipReportEmail();
        for (int i = 0; i < 10; i++) {
            msg = "Subject: Fwd\nContent-Type: message/rfc822\n\n" + msg;
        }
        ReportParseException e = refuse(bytes(msg));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("maxMimeDepth=" + Limits.DEFAULTS.maxMimeDepth());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // multipart without a boundary parameter
        "Content-Type: multipart/report\n\n--x\nContent-Type: application/tlsrpt+gzip\n\nAAAA\n--x--\n",
        // boundary declared but never used
        "Content-Type: multipart/report; boundary=\"nope\"\n\njust text\n",
        // unterminated quoted parameter and a broken encoding
        "Content-Type: multipart/report; boundary=\"abc\n\n--abc\nContent-Transfer-Encoding: rot13\n\nzzz\n",
        // headers only
        "Subject: nothing\n",
        // garbage header block
        ":::\n\u0000\u0001\n\n{",
        // tlsrpt part with invalid base64 and an undecodable name
        "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: application/tlsrpt+gzip; name==?x?Q?=\n"
                + "Content-Transfer-Encoding: base64\n\n!!!!\n--b--\n",
    })
    void malformedMimeGivesOnlyReportParseException(String message) {
        ReportParseException e = refuse(bytes(message));
        assertThat(e).isNotNull();
        assertThat(e.source()).startsWith("in.eml");
    }

    @Test
    void multipartWithoutCloseDelimiterIsStillRead() throws ReportParseException {
        String msg = gzipReportEmail().replace("--" + BOUNDARY + "--\n", "");
        assertThat(new ReportEmailExtractor(Limits.DEFAULTS).extract(bytes(msg), "in.eml").reports()).hasSize(1);
    }
}
