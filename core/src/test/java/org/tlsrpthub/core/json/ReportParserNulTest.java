package org.tlsrpthub.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tlsrpthub.core.json.Reports.POLICY;
import static org.tlsrpthub.core.json.Reports.SUMMARY;
import static org.tlsrpthub.core.json.Reports.bytes;
import static org.tlsrpthub.core.json.Reports.report;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;

/**
 * U+0000 (the JSON escape, valid JSON) in any string value reads as U+FFFD, with a warning that
 * names the value's JSON pointer: PostgreSQL text cannot hold U+0000, and both stores must agree.
 * In a member name it is just an unknown member; in an error's texts it is replaced too.
 */
class ReportParserNulTest {
    /** "~" in a fixture stands for these six characters, which a Java literal would turn into U+0000 itself. */
    private static final String ESCAPE = "\\u0000";
    private static final String FFFD = "\uFFFD";
    private static final String DETAIL = """
            {"result-type": "certificate-expired", "sending-mta-ip": "192.0.2.1",
             "receiving-mx-hostname": "mx1.example.com", "receiving-mx-helo": "helo.example.com",
             "receiving-ip": "198.51.100.7", "failed-session-count": 2,
             "additional-information": "https://example.com/why", "failure-reason-code": "X509_V_ERR"}""";
    private static final String VALID = report(POLICY, SUMMARY, DETAIL);

    private final ReportParser parser = new ReportParser();

    private ParsedReport parse(String json) throws ReportParseException {
        return parser.parse(bytes(json.replace("~", ESCAPE)), "t");
    }

    private static Policy policy(Report r) {
        return r.policies().get(0).policy();
    }

    private static FailureDetail detail(Report r) {
        return r.policies().get(0).failureDetails().get(0);
    }

    private static final String P = "/policies/0/policy/";
    private static final String D = "/policies/0/failure-details/0/";

    static Stream<Arguments> everyStringField() {
        return Stream.of(
                field("\"Sender Inc.\"", "\"Sender~Inc.\"", Report::organizationName, "/organization-name"),
                field("\"tlsrpt@sender.example\"", "\"tlsrpt~@sender.example\"", Report::contactInfo, "/contact-info"),
                field("\"r-1\"", "\"r~1\"", Report::reportId, "/report-id"),
                field("\"sts\"", "\"s~ts\"", r -> policy(r).type().value(), P + "policy-type"),
                field("\"mode: testing\"", "\"mode:~testing\"", r -> policy(r).policyStrings().get(1), P + "policy-string/1"),
                field("\"policy-domain\": \"example.com\"", "\"policy-domain\": \"exam~ple.com\"", r -> policy(r).domain(),
                        P + "policy-domain"),
                field("[\"mx1.example.com\"]", "[\"mx1~.example.com\"]", r -> policy(r).mxHosts().get(0), P + "mx-host/0"),
                field("\"certificate-expired\"", "\"certificate~expired\"", r -> detail(r).resultType().value(), D + "result-type"),
                field("\"192.0.2.1\"", "\"192.0.2.1~\"", r -> detail(r).sendingMtaIp(), D + "sending-mta-ip"),
                field("\"receiving-mx-hostname\": \"mx1.example.com\"", "\"receiving-mx-hostname\": \"mx1~.example.com\"",
                        r -> detail(r).receivingMxHostname(), D + "receiving-mx-hostname"),
                field("\"helo.example.com\"", "\"~helo.example.com\"", r -> detail(r).receivingMxHelo(), D + "receiving-mx-helo"),
                field("\"198.51.100.7\"", "\"198.51~.100.7\"", r -> detail(r).receivingIp(), D + "receiving-ip"),
                field("\"https://example.com/why\"", "\"https://example.com/why~\"", r -> detail(r).additionalInformation(),
                        D + "additional-information"),
                field("\"X509_V_ERR\"", "\"X509~V~ERR\"", r -> detail(r).failureReasonCode(), D + "failure-reason-code"));
    }

    private static Arguments field(String sent, String withNul, Function<Report, String> read, String pointer) {
        String expected = withNul.substring(withNul.lastIndexOf(' ') + 1).replaceAll("[\\[\\]\"]", "").replace("~", FFFD);
        return Arguments.of(pointer, sent, withNul, read, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStringField")
    void replacesNulInTheValueAndTheWarningNamesTheField(String pointer, String sent, String withNul,
            Function<Report, String> read, String expected) throws Exception {
        assertThat(VALID).contains(sent);
        ParsedReport r = parse(VALID.replace(sent, withNul));
        assertThat(read.apply(r.report())).isEqualTo(expected).doesNotContain("\0");
        List<Warning> nul = r.warnings().stream().filter(w -> w.code() == WarningCode.NUL_CHARACTER).toList();
        assertThat(nul).singleElement().extracting(Warning::where).isEqualTo(pointer);
        assertThat(nul.get(0).message()).contains("U+0000").contains("U+FFFD");
    }

    @Test
    void theOtherShapesOfPolicyStringAndMxHostAreReadAlike() throws Exception {
        ParsedReport r = parse(report(POLICY.replace("[\"mx1.example.com\"]", "\"mx~1.example.com\"")
                .replaceFirst("\\[\"version: STSv1\"[^\\]]*\\]", "\"version: STSv1~\""), SUMMARY, DETAIL));
        assertThat(policy(r.report()).mxHosts()).containsExactly("mx" + FFFD + "1.example.com");
        assertThat(policy(r.report()).policyStrings()).containsExactly("version: STSv1" + FFFD);
        assertThat(r.warnings()).filteredOn(w -> w.code() == WarningCode.NUL_CHARACTER).extracting(Warning::where)
                .containsExactly(P + "policy-string", P + "mx-host");
    }

    @Test
    void aJsonEncodedPolicyStringHoldingTheEscapeIsUnpackedWithTheReplacement() throws Exception {
        // Microsoft's TLSA shape: the element is a JSON array in a string, whose own escape decodes to U+0000
        ParsedReport r = parse(report(POLICY.replace("\"mode: testing\"", "\"[\\\"3 1 1 ab\\~cd\\\", \\\"3 1 1 ef\\\"]\""),
                SUMMARY, DETAIL));
        assertThat(policy(r.report()).policyStrings()).containsSubsequence("3 1 1 ab" + FFFD + "cd", "3 1 1 ef");
        assertThat(r.warnings()).filteredOn(w -> w.code() == WarningCode.NUL_CHARACTER).extracting(Warning::where)
                .containsExactly(P + "policy-string/1");
    }

    @Test
    void aMemberNameWithNulIsAnUnknownMemberAndItsWarningHoldsNoNul() throws Exception {
        ParsedReport r = parse(VALID.replace("\"report-id\"", "\"x~y\": {\"a~\": [\"~\"]}, \"report-id\""));
        assertThat(r.report()).isEqualTo(parse(VALID).report());
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.UNKNOWN_FIELD);
            assertThat(w.where()).isEqualTo("/x" + FFFD + "y");
            assertThat(w.message()).contains("x" + FFFD + "y").doesNotContain("\0");
        });
    }

    @Test
    void errorsThatQuoteTheInputHoldNoNul() {
        ReportParseException duplicate = catchThrowableOfType(ReportParseException.class,
                () -> parse(VALID.replace("\"report-id\"", "\"x~\": 1, \"x~\": 2, \"report-id\"")));
        assertThat(duplicate.kind()).isEqualTo(ReportParseException.Kind.BAD_JSON);
        assertThat(duplicate.reason()).contains("x" + FFFD);
        assertThat(duplicate.pointer()).isEqualTo("/x" + FFFD);
        assertThat(duplicate.getMessage()).doesNotContain("\0");

        ReportParseException date = catchThrowableOfType(ReportParseException.class,
                () -> parse(VALID.replace("2026-11-01T23:59:59Z", "2026-11-01T23:59:59Z~")));
        assertThat(date.kind()).isEqualTo(ReportParseException.Kind.BAD_VALUE);
        assertThat(date.reason()).contains("23:59:59Z" + FFFD).doesNotContain("\0");
    }

    @Test
    void whatTheWriterWritesOfTheReplacedReportReadsBackTheSameWithoutWarning() throws Exception {
        ParsedReport first = parse(VALID.replace("Sender Inc.", "Sender~Inc.").replace("mx1.example.com\"]", "mx1~.example.com\"]"));
        ParsedReport again = parser.parse(new ReportWriter().write(first.report()), "t");
        assertThat(again.report()).isEqualTo(first.report());
        assertThat(again.warnings()).extracting(Warning::code).doesNotContain(WarningCode.NUL_CHARACTER);
    }
}
