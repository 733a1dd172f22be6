package org.tlsrpthub.core.json;

import java.nio.charset.StandardCharsets;

/** Small report JSON for tests: a valid one-day STS report, and ways to change one part of it. */
public final class Reports {
    private Reports() {}

    public static final String POLICY = """
            {"policy-type": "sts", "policy-string": ["version: STSv1", "mode: testing", "mx: mx1.example.com", "max_age: 86400"],
             "policy-domain": "example.com", "mx-host": ["mx1.example.com"]}""";
    public static final String SUMMARY = """
            {"total-successful-session-count": 10, "total-failure-session-count": 2}""";
    public static final String DETAIL = """
            {"result-type": "certificate-expired", "sending-mta-ip": "192.0.2.1",
             "receiving-mx-hostname": "mx1.example.com", "receiving-ip": "198.51.100.7", "failed-session-count": 2}""";

    public static String report(String policy, String summary, String details) {
        return """
                {
                  "organization-name": "Sender Inc.",
                  "date-range": {"start-datetime": "2026-11-01T00:00:00Z", "end-datetime": "2026-11-01T23:59:59Z"},
                  "contact-info": "tlsrpt@sender.example",
                  "report-id": "r-1",
                  "policies": [{"policy": %s, "summary": %s%s}]
                }
                """.formatted(policy, summary, details == null ? "" : ", \"failure-details\": [" + details + "]");
    }

    public static String valid() {
        return report(POLICY, SUMMARY, DETAIL);
    }

    public static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
