package org.tlsrpthub.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.WarningCode;

/** Regressions found by {@link ReportParserFuzzTest}: quirks unpacked once left a report the writer could not round-trip. */
class ReportRoundTripTest {
    private final ReportParser parser = new ReportParser();
    private final ReportWriter writer = new ReportWriter();

    private static String withPolicy(String policyMembers) {
        return "{\"organization-name\":\"o\",\"date-range\":{\"start-datetime\":\"2025-01-01T00:00:00Z\","
                + "\"end-datetime\":\"2025-01-01T23:59:59Z\"},\"contact-info\":\"c@o.example\",\"report-id\":\"r\","
                + "\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-domain\":\"o.example\"," + policyMembers
                + "},\"summary\":{\"total-successful-session-count\":1,\"total-failure-session-count\":0}}]}";
    }

    private ParsedReport parse(String json) throws ReportParseException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private Report roundTrip(Report report) throws ReportParseException {
        return parser.parse(writer.write(report), "written").report();
    }

    @Test
    void dropsEveryMxPrefixOfAnMxHost() throws Exception {
        ParsedReport parsed = parse(withPolicy("\"policy-string\":[\"version: STSv1\"],\"mx-host\":[\"mx:mx: mx.o.example\"]"));

        assertThat(parsed.report().policies().get(0).policy().mxHosts()).containsExactly("mx.o.example");
        assertThat(parsed.hasWarning(WarningCode.MX_HOST_PREFIX)).isTrue();
        assertThat(roundTrip(parsed.report())).isEqualTo(parsed.report());
    }

    @Test
    void unpacksAPolicyStringEncodedTwice() throws Exception {
        ParsedReport parsed = parse(withPolicy("\"policy-string\":[\"[\\\"3 1 1 AB\\\",\\\"[\\\\\\\"3 1 1 CD\\\\\\\"]\\\"]\"]"));

        assertThat(parsed.report().policies().get(0).policy().policyStrings()).containsExactly("3 1 1 AB", "3 1 1 CD");
        assertThat(parsed.hasWarning(WarningCode.POLICY_STRING_JSON_ENCODED)).isTrue();
        assertThat(roundTrip(parsed.report())).isEqualTo(parsed.report());
    }
}
