package org.tlsrpthub.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.core.json.Reports.DETAIL;
import static org.tlsrpthub.core.json.Reports.POLICY;
import static org.tlsrpthub.core.json.Reports.SUMMARY;
import static org.tlsrpthub.core.json.Reports.bytes;
import static org.tlsrpthub.core.json.Reports.report;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;

/** Each real-world deviation is accepted and leaves its named warning; nothing is applied silently. */
class ReportParserLenientTest {
    private final ReportParser parser = new ReportParser();

    private ParsedReport parse(String json) throws ReportParseException {
        return parser.parse(bytes(json), "t");
    }

    private static List<WarningCode> codes(ParsedReport r) {
        return r.warnings().stream().map(Warning::code).toList();
    }

    private FailureDetail onlyDetail(String detail) throws ReportParseException {
        return parse(report(POLICY, SUMMARY, detail)).report().policies().get(0).failureDetails().get(0);
    }

    @Test
    void readsDatetimesWithoutOffsetAsUtc() throws Exception {
        var r = parse(Reports.valid().replace("2026-11-01T00:00:00Z", "2026-11-01T00:00:00")
                .replace("2026-11-01T23:59:59Z", "2026-11-01T23:59:59"));
        assertThat(r.report().dateRange().start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(codes(r)).containsExactly(WarningCode.DATETIME_WITHOUT_OFFSET, WarningCode.DATETIME_WITHOUT_OFFSET);
        assertThat(r.warnings().get(0).where()).isEqualTo("/date-range/start-datetime");
    }

    @Test
    void acceptsOffsetsFractionsAndLowerCaseSeparators() throws Exception {
        var r = parse(Reports.valid().replace("2026-11-01T00:00:00Z", "2026-11-01t01:00:00.000+01:00"));
        assertThat(r.report().dateRange().start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void acceptsNextDayMidnightAsRangeEndWithAWarning() throws Exception {
        var r = parse(Reports.valid().replace("2026-11-01T23:59:59Z", "2026-11-02T00:00:00Z"));
        assertThat(codes(r)).containsExactly(WarningCode.NEXT_DAY_RANGE_END);
    }

    @Test
    void flagsARangeThatIsNotOneDay() throws Exception {
        var r = parse(Reports.valid().replace("2026-11-01T23:59:59Z", "2026-11-07T23:59:59Z"));
        assertThat(codes(r)).containsExactly(WarningCode.RANGE_NOT_ONE_DAY);
    }

    @Test
    void acceptsMxHostAsABareString() throws Exception {
        var r = parse(report(POLICY.replace("[\"mx1.example.com\"]}", "\"mx1.example.com\"}"), SUMMARY, DETAIL));
        assertThat(r.report().policies().get(0).policy().mxHosts()).containsExactly("mx1.example.com");
        assertThat(codes(r)).containsExactly(WarningCode.MX_HOST_STRING);
    }

    @Test
    void dropsThePolicyLinePrefixFromMxHost() throws Exception {
        var r = parse(report(POLICY.replace("[\"mx1.example.com\"]", "[\"mx: mx1.example.com\"]"), SUMMARY, DETAIL));
        assertThat(r.report().policies().get(0).policy().mxHosts()).containsExactly("mx1.example.com");
        assertThat(codes(r)).containsExactly(WarningCode.MX_HOST_PREFIX);
    }

    @Test
    void acceptsAMissingPolicyDomain() throws Exception {
        var r = parse(report(POLICY.replace("\"policy-domain\": \"example.com\",", ""), SUMMARY, DETAIL));
        assertThat(r.report().policies().get(0).policy().domain()).isNull();
        assertThat(codes(r)).containsExactly(WarningCode.MISSING_POLICY_DOMAIN);
        assertThat(r.warnings().get(0).where()).isEqualTo("/policies/0/policy/policy-domain");
    }

    @Test
    void readsEverySpellingOfAPolicyDomainAsItsOneFormWithAWarning() throws Exception {
        for (String sent : List.of("Example.COM.", "example.com.", "EXAMPLE.com")) {
            var r = parse(report(POLICY.replace("\"example.com\",", "\"" + sent + "\","), SUMMARY, DETAIL));
            assertThat(r.report().policies().get(0).policy().domain()).isEqualTo("example.com");
            assertThat(codes(r)).containsExactly(WarningCode.POLICY_DOMAIN_NORMALISED);
            assertThat(r.warnings().get(0).where()).isEqualTo("/policies/0/policy/policy-domain");
            assertThat(r.warnings().get(0).message()).contains(sent);
        }
        var idn = parse(report(POLICY.replace("\"example.com\",", "\"Bücher.Example\","), SUMMARY, DETAIL));
        assertThat(idn.report().policies().get(0).policy().domain()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void keepsAPolicyDomainThatIsNotAHostNameAsSentWithAWarning() throws Exception {
        var r = parse(report(POLICY.replace("\"example.com\",", "\"Bad_Name.Example.\","), SUMMARY, DETAIL));
        assertThat(r.report().policies().get(0).policy().domain()).isEqualTo("Bad_Name.Example.");
        assertThat(codes(r)).containsExactly(WarningCode.POLICY_DOMAIN_NOT_HOST_NAME);
    }

    @Test
    void acceptsMissingFailureDetailFields() throws Exception {
        var r = parse(report(POLICY, SUMMARY, """
                {"result-type": "sts-policy-fetch-error", "failed-session-count": 2}"""));
        var d = r.report().policies().get(0).failureDetails().get(0);
        assertThat(d.sendingMtaIp()).isNull();
        assertThat(d.receivingMxHostname()).isNull();
        assertThat(d.receivingIp()).isNull();
        assertThat(codes(r)).containsExactly(WarningCode.MISSING_SENDING_MTA_IP,
                WarningCode.MISSING_RECEIVING_MX_HOSTNAME, WarningCode.MISSING_RECEIVING_IP);
    }

    @Test
    void acceptsNullContactInfo() throws Exception {
        var r = parse(Reports.valid().replace("\"tlsrpt@sender.example\"", "null"));
        assertThat(r.report().contactInfo()).isNull();
        assertThat(codes(r)).containsExactly(WarningCode.MISSING_CONTACT_INFO);
        assertThat(r.report().reporterKey()).isEqualTo("sender inc.");
    }

    @Test
    void unpacksATlsaPolicyStringHoldingAJsonEncodedArray() throws Exception {
        String tlsa = """
                {"policy-type": "tlsa", "policy-string": ["[\\"3 1 1 AB12\\",\\"3 1 1 CD34\\"]"], "policy-domain": "mx1.example.com"}""";
        var r = parse(report(tlsa, SUMMARY, DETAIL));
        assertThat(r.report().policies().get(0).policy().policyStrings()).containsExactly("3 1 1 AB12", "3 1 1 CD34");
        assertThat(codes(r)).containsExactly(WarningCode.POLICY_STRING_JSON_ENCODED);
    }

    @Test
    void keepsABracketedStringThatIsNotAJsonArray() throws Exception {
        var r = parse(report(POLICY.replace("\"mode: testing\"", "\"[not json\""), SUMMARY, DETAIL));
        assertThat(r.report().policies().get(0).policy().policyStrings()).contains("[not json");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void flagsFailureDetailSumsThatDisagreeWithTheSummary() throws Exception {
        var r = parse(report(POLICY, SUMMARY.replace("\"total-failure-session-count\": 2", "\"total-failure-session-count\": 5"), DETAIL));
        assertThat(codes(r)).containsExactly(WarningCode.FAILURE_COUNT_MISMATCH);
        assertThat(r.warnings().get(0).message()).isEqualTo("failure details add up to 2 sessions but the summary says 5");
        assertThat(r.report().totalFailureSessions()).isEqualTo(5); // the summary is not overwritten
    }

    @Test
    void keepsUnknownResultTypesVerbatim() throws Exception {
        var d = onlyDetail(DETAIL.replace("certificate-expired", "Testing"));
        assertThat(d.resultType()).isEqualTo(new ResultType("Testing"));
        assertThat(d.resultType().isRegistered()).isFalse();
        var r = parse(report(POLICY, SUMMARY, DETAIL.replace("certificate-expired", "Testing")));
        assertThat(codes(r)).containsExactly(WarningCode.UNKNOWN_RESULT_TYPE);
        assertThat(new String(new ReportWriter().write(r.report()))).contains("\"result-type\":\"Testing\"");
    }

    @Test
    void keepsUnknownPolicyTypesVerbatim() throws Exception {
        var r = parse(report(POLICY.replace("\"sts\"", "\"invalid-policy-type\""), SUMMARY, DETAIL));
        assertThat(r.report().policies().get(0).policy().type()).isEqualTo(new PolicyType("invalid-policy-type"));
        assertThat(codes(r)).containsExactly(WarningCode.UNKNOWN_POLICY_TYPE);
    }

    @Test
    void takesAMissingSummaryCountAsZero() throws Exception {
        var r = parse(report(POLICY, "{\"total-successful-session-count\": 10}", null));
        assertThat(r.report().totalFailureSessions()).isZero();
        assertThat(codes(r)).containsExactly(WarningCode.MISSING_SUMMARY_COUNT);
        assertThat(r.warnings().get(0).where()).isEqualTo("/policies/0/summary/total-failure-session-count");
    }

    @Test
    void keepsASendingMtaIpThatIsNotAnIpAsText() throws Exception {
        var r = parse(report(POLICY, SUMMARY, DETAIL.replace("192.0.2.1", "x.x.x.x")));
        assertThat(r.report().policies().get(0).failureDetails().get(0).sendingMtaIp()).isEqualTo("x.x.x.x");
        assertThat(codes(r)).containsExactly(WarningCode.NOT_AN_IP_ADDRESS);
    }

    @Test
    void acceptsIpv6AddressesInEveryWrittenForm() throws Exception {
        for (String ip : List.of("2001:db8:abcd:0012::1", "::1", "2001:db8::", "::ffff:192.0.2.1", "fe80::1%eth0",
                "2001:0db8:0000:0000:0000:0000:0000:0001")) {
            var r = parse(report(POLICY, SUMMARY, DETAIL.replace("192.0.2.1", ip)));
            assertThat(r.warnings()).as(ip).isEmpty();
        }
        for (String ip : List.of("2001:db8:::1", "1:2:3:4:5:6:7:8:9", "12345::1", "256.1.1.1", "1.2.3", ":1:2")) {
            var r = parse(report(POLICY, SUMMARY, DETAIL.replace("192.0.2.1", ip)));
            assertThat(codes(r)).as(ip).containsExactly(WarningCode.NOT_AN_IP_ADDRESS);
        }
    }

    @Test
    void treatsEmptyStringsAsAbsent() throws Exception {
        var r = parse(report(POLICY, SUMMARY, DETAIL.replace("\"192.0.2.1\"", "\"\"")));
        assertThat(r.report().policies().get(0).failureDetails().get(0).sendingMtaIp()).isNull();
        assertThat(codes(r)).containsExactly(WarningCode.EMPTY_VALUE, WarningCode.MISSING_SENDING_MTA_IP);
    }

    @Test
    void ignoresUnknownMembersWithAWarning() throws Exception {
        var r = parse(report(POLICY, SUMMARY, DETAIL.replace("\"failed-session-count\"",
                "\"additional-info-uri\": {\"nested\": [1, 2]}, \"failed-session-count\"")));
        assertThat(codes(r)).containsExactly(WarningCode.UNKNOWN_FIELD);
        assertThat(r.warnings().get(0).where()).isEqualTo("/policies/0/failure-details/0/additional-info-uri");
    }

    @Test
    void acceptsAPolicyWithNeitherFailureDetailsNorPolicyString() throws Exception {
        var r = parse(report("{\"policy-type\": \"no-policy-found\", \"policy-domain\": \"example.com\"}",
                "{\"total-successful-session-count\": 3, \"total-failure-session-count\": 0}", null));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.report().policies().get(0).failureDetails()).isEmpty();
    }

    @Test
    void summarisesRepeatedWarningsInsteadOfListingThousands() throws Exception {
        String detail = "{\"result-type\": \"validation-failure\", \"failed-session-count\": 1}";
        String details = String.join(",", java.util.Collections.nCopies(1000, detail));
        var r = parse(report(POLICY, "{\"total-successful-session-count\": 0, \"total-failure-session-count\": 1000}", details));
        assertThat(r.warnings()).hasSize(3 * WarningCollector.KEPT_PER_CODE + 3);
        assertThat(r.warnings()).extracting(Warning::message).contains("997 more warnings of this kind");
    }

    @Test
    void skipsAByteOrderMarkWithAWarning() throws Exception {
        byte[] json = bytes("\uFEFF" + Reports.valid());
        var r = parser.parse(json, "t");
        assertThat(codes(r)).containsExactly(WarningCode.BYTE_ORDER_MARK);
    }
}
