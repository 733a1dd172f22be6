package org.tlsrpthub.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.Limits;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.ReportParseException.Kind;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.PolicyType;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Summary;
import org.tlsrpthub.core.report.WarningCode;
import org.tlsrpthub.core.syntax.DomainNames;

/** One run of the parser over one document: the streaming state, the source name and the warnings. */
final class ReportReading {
    private final JsonCursor in;
    private final JsonParser p;
    private final Limits limits;
    private int failureDetailCount;

    ReportReading(JsonParser parser, String source, Limits limits, boolean byteOrderMark) {
        this.in = new JsonCursor(parser, source);
        this.p = parser;
        this.limits = limits;
        if (byteOrderMark) in.warnings.add(WarningCode.BYTE_ORDER_MARK, "", "a UTF-8 byte order mark precedes the JSON; skipped");
    }

    ParsedReport read() throws IOException, ReportParseException {
        JsonToken first = p.nextToken();
        if (first == null) throw in.fail(Kind.BAD_JSON, "empty input: no JSON report");
        if (first != JsonToken.START_OBJECT) throw in.fail(Kind.BAD_REPORT, "a report must be a JSON object, found " + JsonCursor.describe(first));
        Report report = readReport();
        JsonToken after = p.nextToken();
        if (after != null) throw in.fail(Kind.BAD_JSON, "unexpected content after the report object: " + JsonCursor.describe(after));
        return new ParsedReport(report, in.warnings.toList());
    }

    // RFC 8460 §4.4: the top-level members
    private Report readReport() throws IOException, ReportParseException {
        String organization = null, contact = null, reportId = null;
        boolean contactSeen = false;
        DateRange range = null;
        List<PolicyResult> policies = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "organization-name" -> organization = in.requiredString(t);
                case "date-range" -> range = readDateRange(t);
                case "contact-info" -> {
                    contactSeen = true;
                    contact = in.optionalString(t, false);
                }
                case "report-id" -> reportId = in.requiredString(t);
                case "policies" -> policies = readPolicies(t);
                default -> in.unknownField(name);
            }
        }
        if (organization == null) throw in.missing("organization-name");
        if (range == null) throw in.missing("date-range");
        if (reportId == null) throw in.missing("report-id");
        if (policies == null) throw in.missing("policies");
        if (contact == null) {
            in.warnings.add(WarningCode.MISSING_CONTACT_INFO, "/contact-info",
                    contactSeen ? "contact-info is null or empty" : "contact-info is missing");
        }
        return new Report(organization, range, contact, reportId, policies);
    }

    private DateRange readDateRange(JsonToken t) throws IOException, ReportParseException {
        in.expectObject(t, "date-range");
        Instant start = null, end = null;
        JsonLocation endLocation = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "start-datetime" -> start = readDateTime(v);
                case "end-datetime" -> {
                    endLocation = p.currentTokenLocation();
                    end = readDateTime(v);
                }
                default -> in.unknownField(name);
            }
        }
        if (start == null) throw in.missing("start-datetime");
        if (end == null) throw in.missing("end-datetime");
        if (end.isBefore(start)) {
            throw in.failAt(Kind.BAD_VALUE, "date-range ends (" + end + ") before it starts (" + start + ")",
                    "/date-range/end-datetime", endLocation);
        }
        checkWholeDay(start, end);
        return new DateRange(start, end);
    }

    // RFC 8460 §4.4: the range SHOULD be one whole UTC day; senders end it at 23:59:59Z or at the next 00:00:00Z
    private void checkWholeDay(Instant start, Instant end) {
        long seconds = Duration.between(start, end).getSeconds();
        boolean startsAtMidnight = start.getEpochSecond() % 86_400 == 0;
        if (startsAtMidnight && seconds == 86_400) {
            in.warnings.add(WarningCode.NEXT_DAY_RANGE_END, "/date-range/end-datetime",
                    "the range ends at the next day's 00:00:00Z (" + end + "), read as an exclusive end");
        } else if (!startsAtMidnight || seconds != 86_399) {
            in.warnings.add(WarningCode.RANGE_NOT_ONE_DAY, "/date-range",
                    "the range " + start + " .. " + end + " is not one whole UTC day");
        }
    }

    private Instant readDateTime(JsonToken t) throws IOException, ReportParseException {
        String text = in.requiredString(t);
        Rfc3339.Parsed parsed = Rfc3339.parse(text);
        if (parsed == null) throw in.fail(Kind.BAD_VALUE, "not an RFC 3339 date-time: \"" + text + "\"");
        if (parsed.withoutOffset()) {
            in.warn(WarningCode.DATETIME_WITHOUT_OFFSET,
                    "\"" + text + "\" has no time zone offset; read as UTC");
        }
        return parsed.instant();
    }

    private List<PolicyResult> readPolicies(JsonToken t) throws IOException, ReportParseException {
        // RFC 8460 §4.4: policies is an array even when it holds one policy
        if (t != JsonToken.START_ARRAY) throw in.fail(Kind.BAD_REPORT, "policies must be an array, found " + JsonCursor.describe(t));
        List<PolicyResult> list = new ArrayList<>(2);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (list.size() == limits.maxPolicies()) {
                throw in.fail(Kind.LIMIT_EXCEEDED, "more than " + limits.maxPolicies() + " policies (limit maxPolicies)");
            }
            list.add(readPolicyResult(e));
        }
        return list;
    }

    private PolicyResult readPolicyResult(JsonToken t) throws IOException, ReportParseException {
        in.expectObject(t, "a policies element");
        Policy policy = null;
        Summary summary = null;
        List<FailureDetail> details = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "policy" -> policy = readPolicy(v);
                case "summary" -> summary = readSummary(v);
                case "failure-details" -> details = readFailureDetails(v);
                default -> in.unknownField(name);
            }
        }
        if (policy == null) throw in.missing("policy");
        if (summary == null) throw in.missing("summary");
        PolicyResult result = new PolicyResult(policy, summary, details);
        long detailed = result.detailedFailureSessions();
        // RFC 8460 §4.4 does not make failure types exclusive, so the sums may legitimately differ
        if (detailed != summary.totalFailureSessionCount()) {
            in.warn(WarningCode.FAILURE_COUNT_MISMATCH, "/failure-details",
                    "failure details add up to " + detailed + " sessions but the summary says "
                            + summary.totalFailureSessionCount());
        }
        return result;
    }

    private Policy readPolicy(JsonToken t) throws IOException, ReportParseException {
        in.expectObject(t, "policy");
        PolicyType type = null;
        List<String> strings = null, mxHosts = List.of();
        String domain = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "policy-type" -> {
                    type = PolicyType.of(in.requiredString(v));
                    if (!type.isRegistered()) {
                        in.warn(WarningCode.UNKNOWN_POLICY_TYPE,
                                "policy-type \"" + type.value() + "\" is not tlsa, sts or no-policy-found; kept as it is");
                    }
                }
                case "policy-string" -> strings = readPolicyStrings(v);
                case "policy-domain" -> domain = policyDomain(in.optionalString(v, true));
                case "mx-host" -> mxHosts = readMxHosts(v);
                default -> in.unknownField(name);
            }
        }
        if (type == null) throw in.missing("policy-type");
        if (domain == null) in.warn(WarningCode.MISSING_POLICY_DOMAIN, "/policy-domain", "policy-domain is missing");
        if (strings == null) {
            strings = List.of();
            if (type.equals(PolicyType.STS) || type.equals(PolicyType.TLSA)) {
                in.warn(WarningCode.MISSING_POLICY_STRING, "/policy-string",
                        "a " + type.value() + " policy without policy-string");
            }
        }
        return new Policy(type, strings, domain, mxHosts);
    }

    /** RFC 8460 does not fix the spelling; the hub keeps one per domain (see {@link DomainNames#normalise}). */
    private String policyDomain(String sent) {
        if (sent == null) return null;
        String domain = DomainNames.normalise(sent);
        if (DomainNames.toALabels(domain).isEmpty()) {
            in.warn(WarningCode.POLICY_DOMAIN_NOT_HOST_NAME,
                    "policy-domain \"" + sent + "\" is not a host name; kept as sent");
        } else if (!domain.equals(sent)) {
            in.warn(WarningCode.POLICY_DOMAIN_NORMALISED, "policy-domain \"" + sent + "\" read as \"" + domain + "\"");
        }
        return domain;
    }

    private List<String> readPolicyStrings(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_STRING) {
            in.warn(WarningCode.POLICY_STRING_NOT_ARRAY, "policy-string is a string, not an array");
            return List.of(in.text());
        }
        if (t != JsonToken.START_ARRAY) throw in.fail(Kind.BAD_REPORT, "policy-string must be an array of strings, found " + JsonCursor.describe(t));
        List<String> list = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            String s = in.requiredString(e);
            // Microsoft sends TLSA records as one element holding a JSON-encoded array of strings
            List<String> unpacked = s.startsWith("[") ? JsonStringArray.tryParse(s) : null;
            if (unpacked != null) {
                in.warn(WarningCode.POLICY_STRING_JSON_ENCODED,
                        "a policy-string element holds a JSON-encoded array of " + unpacked.size() + " strings; unpacked");
                addUnpacked(list, unpacked);
            } else {
                list.add(s);
            }
        }
        return list;
    }

    /**
     * Unpacks encoded arrays inside encoded arrays too, so that what the writer writes reads back the same.
     * Their escapes are decoded only here, so a U+0000 in them is first seen here.
     */
    private void addUnpacked(List<String> list, List<String> strings) {
        for (String s : strings) {
            List<String> inner = s.startsWith("[") ? JsonStringArray.tryParse(s) : null;
            if (inner != null) addUnpacked(list, inner);
            else list.add(in.withoutNul(s));
        }
    }

    private List<String> readMxHosts(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) return List.of();
        if (t == JsonToken.VALUE_STRING) {
            // RFC 8460 Appendix B shows a bare string; §4.4 says array (erratum 6241)
            in.warn(WarningCode.MX_HOST_STRING, "mx-host is a string, not an array (RFC 8460 erratum 6241)");
            return List.of(mxHost(in.text()));
        }
        if (t != JsonToken.START_ARRAY) throw in.fail(Kind.BAD_REPORT, "mx-host must be an array of strings, found " + JsonCursor.describe(t));
        List<String> list = new ArrayList<>(4);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) list.add(mxHost(in.requiredString(e)));
        return list;
    }

    private String mxHost(String value) {
        String v = value.strip();
        if (v.startsWith("mx:")) {
            in.warn(WarningCode.MX_HOST_PREFIX, "mx-host \"" + value + "\" carries the policy line's \"mx:\" prefix; dropped");
            // every prefix ("mx: mx: a" too), so that what the writer writes reads back the same
            do v = v.substring(3).strip(); while (v.startsWith("mx:"));
            return v;
        }
        return value;
    }

    private Summary readSummary(JsonToken t) throws IOException, ReportParseException {
        in.expectObject(t, "summary");
        long successes = -1, failures = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "total-successful-session-count" -> successes = in.count(v);
                case "total-failure-session-count" -> failures = in.count(v);
                default -> in.unknownField(name);
            }
        }
        // Google sent reports without total-failure-session-count when it was zero
        if (successes < 0) {
            successes = 0;
            in.warn(WarningCode.MISSING_SUMMARY_COUNT, "/total-successful-session-count",
                    "total-successful-session-count is missing; taken as 0");
        }
        if (failures < 0) {
            failures = 0;
            in.warn(WarningCode.MISSING_SUMMARY_COUNT, "/total-failure-session-count",
                    "total-failure-session-count is missing; taken as 0");
        }
        return new Summary(successes, failures);
    }

    private List<FailureDetail> readFailureDetails(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) return List.of();
        if (t != JsonToken.START_ARRAY) throw in.fail(Kind.BAD_REPORT, "failure-details must be an array, found " + JsonCursor.describe(t));
        List<FailureDetail> list = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (++failureDetailCount > limits.maxFailureDetails()) {
                throw in.fail(Kind.LIMIT_EXCEEDED, "more than " + limits.maxFailureDetails()
                        + " failure details (limit maxFailureDetails)");
            }
            list.add(readFailureDetail(e));
        }
        return list;
    }

    private FailureDetail readFailureDetail(JsonToken t) throws IOException, ReportParseException {
        in.expectObject(t, "a failure-details element");
        ResultType type = null;
        String sendingIp = null, mxHostname = null, helo = null, receivingIp = null, info = null, reason = null;
        long count = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "result-type" -> {
                    type = ResultType.of(in.requiredString(v));
                    if (!type.isRegistered()) {
                        in.warn(WarningCode.UNKNOWN_RESULT_TYPE,
                                "result-type \"" + type.value() + "\" is not in the IANA registry; kept as it is");
                    }
                }
                case "sending-mta-ip" -> sendingIp = ipAddress(in.optionalString(v, true));
                case "receiving-mx-hostname" -> mxHostname = in.optionalString(v, true);
                case "receiving-mx-helo" -> helo = in.optionalString(v, true);
                case "receiving-ip" -> receivingIp = ipAddress(in.optionalString(v, true));
                case "failed-session-count" -> count = in.count(v);
                case "additional-information" -> info = in.optionalString(v, true);
                case "failure-reason-code" -> reason = in.optionalString(v, true);
                default -> in.unknownField(name);
            }
        }
        if (type == null) throw in.missing("result-type");
        if (count < 0) throw in.missing("failed-session-count");
        if (sendingIp == null) in.warn(WarningCode.MISSING_SENDING_MTA_IP, "a failure detail without sending-mta-ip");
        if (mxHostname == null) {
            in.warn(WarningCode.MISSING_RECEIVING_MX_HOSTNAME, "a failure detail without receiving-mx-hostname");
        }
        if (receivingIp == null) in.warn(WarningCode.MISSING_RECEIVING_IP, "a failure detail without receiving-ip");
        return new FailureDetail(type, sendingIp, mxHostname, helo, receivingIp, count, info, reason);
    }

    private String ipAddress(String value) {
        if (value != null && !IpLiterals.isIpAddress(value)) {
            in.warn(WarningCode.NOT_AN_IP_ADDRESS, "\"" + value + "\" is not an IP address; kept as text");
        }
        return value;
    }
}
