package org.tlsrpthub.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tlsrpthub.core.json.Reports.DETAIL;
import static org.tlsrpthub.core.json.Reports.POLICY;
import static org.tlsrpthub.core.json.Reports.SUMMARY;
import static org.tlsrpthub.core.json.Reports.bytes;
import static org.tlsrpthub.core.json.Reports.report;

import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;

class ReportParserStrictTest {
    private final ReportParser parser = new ReportParser();

    private ReportParseException refusal(String json) {
        return refusal(bytes(json));
    }

    private ReportParseException refusal(byte[] json) {
        return catchThrowableOfType(ReportParseException.class, () -> parser.parse(json, "test.json"));
    }

    @Test
    void refusesTextThatIsNotJson() {
        var e = refusal("this is not json");
        assertThat(e.kind()).isEqualTo(Kind.BAD_JSON);
        assertThat(e.getMessage()).startsWith("test.json: not valid JSON").contains("line 1, column 1");
    }

    @Test
    void refusesTruncatedJsonNamingWhereItEnds() {
        String json = Reports.valid();
        var e = refusal(json.substring(0, json.indexOf("\"policies\"") + 15));
        assertThat(e.kind()).isEqualTo(Kind.BAD_JSON);
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void refusesEmptyInput() {
        assertThat(refusal("").kind()).isEqualTo(Kind.BAD_JSON);
        assertThat(refusal("   \n").getMessage()).contains("empty input");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] json = bytes(Reports.valid().replace("Sender Inc.", "Sender XX"));
        int at = new String(json, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("XX");
        json[at] = (byte) 0xC3;
        json[at + 1] = (byte) 0x28; // 0xC3 must be followed by a continuation byte
        var e = refusal(json);
        assertThat(e.kind()).isEqualTo(Kind.BAD_JSON);
        assertThat(e.getMessage()).containsIgnoringCase("utf-8").contains("line 2");
    }

    @Test
    void refusesDuplicateMemberNames() {
        var e = refusal(Reports.valid().replace("\"report-id\": \"r-1\",", "\"report-id\": \"r-1\", \"report-id\": \"r-2\","));
        assertThat(e.kind()).isEqualTo(Kind.BAD_JSON);
        assertThat(e.getMessage()).contains("duplicate member name 'report-id'").contains("line 5");
    }

    @Test
    void refusesAReportThatIsNotAnObject() {
        var e = refusal("[1, 2]");
        assertThat(e.kind()).isEqualTo(Kind.BAD_REPORT);
        assertThat(e.reason()).isEqualTo("a report must be a JSON object, found an array");
    }

    @Test
    void refusesMissingPolicies() {
        String json = Reports.valid();
        var e = refusal(json.substring(0, json.indexOf(",\n  \"policies\"")) + "\n}");
        assertThat(e.reason()).isEqualTo("required member \"policies\" is missing");
        assertThat(e.pointer()).isEqualTo("");
    }

    @Test
    void refusesPoliciesThatAreNotAnArray() {
        var e = refusal(Reports.valid().replace("\"policies\": [", "\"policies\": ").replace("}]\n}", "}\n}"));
        assertThat(e.kind()).isEqualTo(Kind.BAD_REPORT);
        assertThat(e.reason()).isEqualTo("policies must be an array, found an object");
        assertThat(e.pointer()).isEqualTo("/policies");
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void refusesASummaryThatIsNotAnObject() {
        var e = refusal(report(POLICY, "[10, 2]", DETAIL));
        assertThat(e.reason()).isEqualTo("summary must be an object, found an array");
        assertThat(e.pointer()).isEqualTo("/policies/0/summary");
    }

    @Test
    void refusesAMissingSummary() {
        var e = refusal(Reports.valid().replace("\"summary\"", "\"summary-x\""));
        assertThat(e.reason()).isEqualTo("required member \"summary\" is missing");
        assertThat(e.pointer()).isEqualTo("/policies/0");
    }

    @Test
    void refusesNegativeSessionCounts() {
        var e = refusal(report(POLICY, SUMMARY.replace("10", "-10"), DETAIL));
        assertThat(e.kind()).isEqualTo(Kind.BAD_VALUE);
        assertThat(e.reason()).isEqualTo("count must not be negative, found -10");
        assertThat(e.pointer()).isEqualTo("/policies/0/summary/total-successful-session-count");
    }

    @Test
    void refusesNonIntegerSessionCounts() {
        assertThat(refusal(report(POLICY, SUMMARY.replace("10", "10.5"), DETAIL)).reason())
                .isEqualTo("count must be an integer, found 10.5");
        assertThat(refusal(report(POLICY, SUMMARY.replace("10", "\"10\""), DETAIL)).reason())
                .isEqualTo("count must be a non-negative integer, found a string");
        assertThat(refusal(report(POLICY, SUMMARY, DETAIL.replace("\"failed-session-count\": 2", "\"failed-session-count\": 2e0"))).pointer())
                .isEqualTo("/policies/0/failure-details/0/failed-session-count");
    }

    @Test
    void refusesCountsAboveTheLargestExactIJsonInteger() throws Exception {
        assertThat(parser.parse(bytes(report(POLICY, SUMMARY.replace("10", "9007199254740991"), DETAIL)), "t")
                .report().totalSuccessfulSessions()).isEqualTo(9007199254740991L);
        var e = refusal(report(POLICY, SUMMARY.replace("10", "9007199254740992"), DETAIL));
        assertThat(e.kind()).isEqualTo(Kind.BAD_VALUE);
        assertThat(e.reason()).contains("above 2^53-1");
        assertThat(refusal(report(POLICY, SUMMARY.replace("10", "123456789012345678901234567890"), DETAIL)).reason())
                .contains("above 2^53-1");
    }

    @Test
    void refusesADateRangeThatEndsBeforeItStarts() {
        var e = refusal(Reports.valid().replace("\"end-datetime\": \"2026-11-01T23:59:59Z\"", "\"end-datetime\": \"2026-10-31T23:59:59Z\""));
        assertThat(e.kind()).isEqualTo(Kind.BAD_VALUE);
        assertThat(e.reason()).contains("ends (2026-10-31T23:59:59Z) before it starts (2026-11-01T00:00:00Z)");
        assertThat(e.pointer()).isEqualTo("/date-range/end-datetime");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void refusesADateTimeThatIsNotRfc3339() {
        var e = refusal(Reports.valid().replace("2026-11-01T00:00:00Z", "yesterday"));
        assertThat(e.reason()).isEqualTo("not an RFC 3339 date-time: \"yesterday\"");
        assertThat(e.pointer()).isEqualTo("/date-range/start-datetime");
    }

    @Test
    void refusesMissingRequiredMembers() {
        assertThat(refusal(Reports.valid().replace("\"organization-name\"", "\"org\"")).reason())
                .isEqualTo("required member \"organization-name\" is missing");
        assertThat(refusal(Reports.valid().replace("\"report-id\"", "\"id\"")).reason())
                .isEqualTo("required member \"report-id\" is missing");
        assertThat(refusal(report(POLICY.replace("policy-type", "type"), SUMMARY, DETAIL)).reason())
                .isEqualTo("required member \"policy-type\" is missing");
        assertThat(refusal(report(POLICY, SUMMARY, DETAIL.replace("result-type", "type"))).reason())
                .isEqualTo("required member \"result-type\" is missing");
        assertThat(refusal(report(POLICY, SUMMARY, DETAIL.replace("failed-session-count", "count"))).pointer())
                .isEqualTo("/policies/0/failure-details/0");
    }

    @Test
    void refusesAWrongTypeForATopLevelString() {
        var e = refusal(Reports.valid().replace("\"report-id\": \"r-1\"", "\"report-id\": 17"));
        assertThat(e.reason()).isEqualTo("expected a string, found a number");
        assertThat(e.pointer()).isEqualTo("/report-id");
    }

    @Test
    void refusesContentAfterTheReport() {
        assertThat(refusal(Reports.valid() + "{}").reason()).startsWith("unexpected content after the report object");
    }

    @Test
    void refusesMoreFailureDetailsThanTheLimit() {
        var small = new ReportParser(Limits.DEFAULTS.withMaxFailureDetails(2));
        String details = DETAIL + "," + DETAIL + "," + DETAIL;
        var e = catchThrowableOfType(ReportParseException.class, () -> small.parse(bytes(report(POLICY, SUMMARY, details)), "t"));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.reason()).contains("more than 2 failure details").contains("maxFailureDetails");
    }

    @Test
    void refusesDeepNestingAndLongStrings() {
        var shallow = new ReportParser(Limits.DEFAULTS.withMaxNestingDepth(3));
        var e = catchThrowableOfType(ReportParseException.class, () -> shallow.parse(bytes(Reports.valid()), "t"));
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.reason()).containsIgnoringCase("nesting depth");

        var shortStrings = new ReportParser(Limits.DEFAULTS.withMaxStringLength(8));
        var e2 = catchThrowableOfType(ReportParseException.class, () -> shortStrings.parse(bytes(Reports.valid()), "t"));
        assertThat(e2.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e2.reason()).containsIgnoringCase("string");
    }

    @Test
    void acceptsTheSmallValidReport() throws Exception {
        var parsed = parser.parse(bytes(Reports.valid()), "t");
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.report().totalSuccessfulSessions()).isEqualTo(10);
        assertThat(parsed.report().policies().get(0).failureDetails().get(0).receivingIp()).isEqualTo("198.51.100.7");
    }
}
