package org.tlsrpthub.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;

class ReportWriterTest {
    private final ReportWriter writer = new ReportWriter();
    private final ReportParser parser = new ReportParser();

    private static Report everyField() {
        var detail = new FailureDetail(new ResultType("some-future-type"), "2001:db8::1", "mx1.example.com",
                "mx1-helo.example.com", "192.0.2.9", 7, "https://sender.example/info?id=1", "X509_V_ERR_CERT_HAS_EXPIRED");
        var policy = new Policy(new PolicyType("future-policy"), List.of("version: STSv1", "mode: enforce"),
                "example.com", List.of("*.example.com"));
        return new Report("Sender \"Quoted\" Inc. ✓", new DateRange(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-01T23:59:59Z")), "mailto:tlsrpt@sender.example", "id-1",
                List.of(new PolicyResult(policy, new Summary(1, 7), List.of(detail))));
    }

    @Test
    void writtenReportsParseBackEqual() throws Exception {
        Report r = everyField();
        assertThat(parser.parse(writer.write(r), "t").report()).isEqualTo(r);
        assertThat(parser.parse(writer.write(r, true), "t").report()).isEqualTo(r);
    }

    @Test
    void writesTheRfcMemberNamesInTheRfcOrder() {
        String json = new String(writer.write(everyField()), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"organization-name\":\"Sender \\\"Quoted\\\" Inc. ✓\",\"date-range\":"
                + "{\"start-datetime\":\"2026-11-01T00:00:00Z\",\"end-datetime\":\"2026-11-01T23:59:59Z\"},"
                + "\"contact-info\":\"mailto:tlsrpt@sender.example\",\"report-id\":\"id-1\",\"policies\":[{\"policy\":"
                + "{\"policy-type\":\"future-policy\",\"policy-string\":[\"version: STSv1\",\"mode: enforce\"],"
                + "\"policy-domain\":\"example.com\",\"mx-host\":[\"*.example.com\"]},\"summary\":"
                + "{\"total-successful-session-count\":1,\"total-failure-session-count\":7},\"failure-details\":[");
        assertThat(json).contains("\"failure-reason-code\":\"X509_V_ERR_CERT_HAS_EXPIRED\"}]}]}");
    }

    @Test
    void leavesOutAbsentOptionalMembers() throws Exception {
        String in = Reports.report("{\"policy-type\": \"no-policy-found\", \"policy-domain\": \"example.com\"}",
                "{\"total-successful-session-count\": 3, \"total-failure-session-count\": 0}", null)
                .replace("\"tlsrpt@sender.example\"", "null");
        var parsed = parser.parse(Reports.bytes(in), "t").report();
        String out = new String(writer.write(parsed), StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("contact-info", "failure-details", "mx-host", "policy-string");
        assertThat(parser.parse(writer.write(parsed), "t").report()).isEqualTo(parsed);
    }
}
