package org.tlsrpthub.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

/** One run of the parser over one document: the streaming state, the source name and the warnings. */
final class ReportReading {
    /** I-JSON (RFC 7493 §2.2): integers beyond 2^53-1 cannot be exchanged exactly. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private final JsonParser p;
    private final String source;
    private final Limits limits;
    private final WarningCollector warnings = new WarningCollector();
    private int failureDetailCount;

    ReportReading(JsonParser parser, String source, Limits limits, boolean byteOrderMark) {
        this.p = parser;
        this.source = source;
        this.limits = limits;
        if (byteOrderMark) warnings.add(WarningCode.BYTE_ORDER_MARK, "", "a UTF-8 byte order mark precedes the JSON; skipped");
    }

    ParsedReport read() throws IOException, ReportParseException {
        JsonToken first = p.nextToken();
        if (first == null) throw fail(Kind.BAD_JSON, "empty input: no JSON report");
        if (first != JsonToken.START_OBJECT) throw fail(Kind.BAD_REPORT, "a report must be a JSON object, found " + describe(first));
        Report report = readReport();
        JsonToken after = p.nextToken();
        if (after != null) throw fail(Kind.BAD_JSON, "unexpected content after the report object: " + describe(after));
        return new ParsedReport(report, warnings.toList());
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
                case "organization-name" -> organization = requiredString(t);
                case "date-range" -> range = readDateRange(t);
                case "contact-info" -> {
                    contactSeen = true;
                    contact = optionalString(t, false);
                }
                case "report-id" -> reportId = requiredString(t);
                case "policies" -> policies = readPolicies(t);
                default -> unknownField(name);
            }
        }
        if (organization == null) throw missing("organization-name");
        if (range == null) throw missing("date-range");
        if (reportId == null) throw missing("report-id");
        if (policies == null) throw missing("policies");
        if (contact == null) {
            warnings.add(WarningCode.MISSING_CONTACT_INFO, "/contact-info",
                    contactSeen ? "contact-info is null or empty" : "contact-info is missing");
        }
        return new Report(organization, range, contact, reportId, policies);
    }

    private DateRange readDateRange(JsonToken t) throws IOException, ReportParseException {
        expectObject(t, "date-range");
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
                default -> unknownField(name);
            }
        }
        if (start == null) throw missing("start-datetime");
        if (end == null) throw missing("end-datetime");
        if (end.isBefore(start)) {
            throw new ReportParseException(Kind.BAD_VALUE, "date-range ends (" + end + ") before it starts (" + start + ")",
                    source, "/date-range/end-datetime", endLocation.getLineNr(), endLocation.getColumnNr());
        }
        checkWholeDay(start, end);
        return new DateRange(start, end);
    }

    // RFC 8460 §4.4: the range SHOULD be one whole UTC day; senders end it at 23:59:59Z or at the next 00:00:00Z
    private void checkWholeDay(Instant start, Instant end) {
        long seconds = Duration.between(start, end).getSeconds();
        boolean startsAtMidnight = start.getEpochSecond() % 86_400 == 0;
        if (startsAtMidnight && seconds == 86_400) {
            warnings.add(WarningCode.NEXT_DAY_RANGE_END, "/date-range/end-datetime",
                    "the range ends at the next day's 00:00:00Z (" + end + "), read as an exclusive end");
        } else if (!startsAtMidnight || seconds != 86_399) {
            warnings.add(WarningCode.RANGE_NOT_ONE_DAY, "/date-range",
                    "the range " + start + " .. " + end + " is not one whole UTC day");
        }
    }

    private Instant readDateTime(JsonToken t) throws IOException, ReportParseException {
        String text = requiredString(t);
        Rfc3339.Parsed parsed = Rfc3339.parse(text);
        if (parsed == null) throw fail(Kind.BAD_VALUE, "not an RFC 3339 date-time: \"" + text + "\"");
        if (parsed.withoutOffset()) {
            warn(WarningCode.DATETIME_WITHOUT_OFFSET,
                    "\"" + text + "\" has no time zone offset; read as UTC");
        }
        return parsed.instant();
    }

    private List<PolicyResult> readPolicies(JsonToken t) throws IOException, ReportParseException {
        // RFC 8460 §4.4: policies is an array even when it holds one policy
        if (t != JsonToken.START_ARRAY) throw fail(Kind.BAD_REPORT, "policies must be an array, found " + describe(t));
        List<PolicyResult> list = new ArrayList<>(2);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (list.size() == limits.maxPolicies()) {
                throw fail(Kind.LIMIT_EXCEEDED, "more than " + limits.maxPolicies() + " policies (limit maxPolicies)");
            }
            list.add(readPolicyResult(e));
        }
        return list;
    }

    private PolicyResult readPolicyResult(JsonToken t) throws IOException, ReportParseException {
        expectObject(t, "a policies element");
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
                default -> unknownField(name);
            }
        }
        if (policy == null) throw missing("policy");
        if (summary == null) throw missing("summary");
        PolicyResult result = new PolicyResult(policy, summary, details);
        long detailed = result.detailedFailureSessions();
        // RFC 8460 §4.4 does not make failure types exclusive, so the sums may legitimately differ
        if (detailed != summary.totalFailureSessionCount()) {
            warn(WarningCode.FAILURE_COUNT_MISMATCH, "/failure-details",
                    "failure details add up to " + detailed + " sessions but the summary says "
                            + summary.totalFailureSessionCount());
        }
        return result;
    }

    private Policy readPolicy(JsonToken t) throws IOException, ReportParseException {
        expectObject(t, "policy");
        PolicyType type = null;
        List<String> strings = null, mxHosts = List.of();
        String domain = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "policy-type" -> {
                    type = PolicyType.of(requiredString(v));
                    if (!type.isRegistered()) {
                        warn(WarningCode.UNKNOWN_POLICY_TYPE,
                                "policy-type \"" + type.value() + "\" is not tlsa, sts or no-policy-found; kept as it is");
                    }
                }
                case "policy-string" -> strings = readPolicyStrings(v);
                case "policy-domain" -> domain = optionalString(v, true);
                case "mx-host" -> mxHosts = readMxHosts(v);
                default -> unknownField(name);
            }
        }
        if (type == null) throw missing("policy-type");
        if (domain == null) warn(WarningCode.MISSING_POLICY_DOMAIN, "/policy-domain", "policy-domain is missing");
        if (strings == null) {
            strings = List.of();
            if (type.equals(PolicyType.STS) || type.equals(PolicyType.TLSA)) {
                warn(WarningCode.MISSING_POLICY_STRING, "/policy-string",
                        "a " + type.value() + " policy without policy-string");
            }
        }
        return new Policy(type, strings, domain, mxHosts);
    }

    private List<String> readPolicyStrings(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_STRING) {
            warn(WarningCode.POLICY_STRING_NOT_ARRAY, "policy-string is a string, not an array");
            return List.of(p.getText());
        }
        if (t != JsonToken.START_ARRAY) throw fail(Kind.BAD_REPORT, "policy-string must be an array of strings, found " + describe(t));
        List<String> list = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            String s = requiredString(e);
            // Microsoft sends TLSA records as one element holding a JSON-encoded array of strings
            List<String> unpacked = s.startsWith("[") ? JsonStringArray.tryParse(s) : null;
            if (unpacked != null) {
                warn(WarningCode.POLICY_STRING_JSON_ENCODED,
                        "a policy-string element holds a JSON-encoded array of " + unpacked.size() + " strings; unpacked");
                addUnpacked(list, unpacked);
            } else {
                list.add(s);
            }
        }
        return list;
    }

    /** Unpacks encoded arrays inside encoded arrays too, so that what the writer writes reads back the same. */
    private static void addUnpacked(List<String> list, List<String> strings) {
        for (String s : strings) {
            List<String> inner = s.startsWith("[") ? JsonStringArray.tryParse(s) : null;
            if (inner != null) addUnpacked(list, inner);
            else list.add(s);
        }
    }

    private List<String> readMxHosts(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) return List.of();
        if (t == JsonToken.VALUE_STRING) {
            // RFC 8460 Appendix B shows a bare string; §4.4 says array (erratum 6241)
            warn(WarningCode.MX_HOST_STRING, "mx-host is a string, not an array (RFC 8460 erratum 6241)");
            return List.of(mxHost(p.getText()));
        }
        if (t != JsonToken.START_ARRAY) throw fail(Kind.BAD_REPORT, "mx-host must be an array of strings, found " + describe(t));
        List<String> list = new ArrayList<>(4);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) list.add(mxHost(requiredString(e)));
        return list;
    }

    private String mxHost(String value) {
        String v = value.strip();
        if (v.startsWith("mx:")) {
            warn(WarningCode.MX_HOST_PREFIX, "mx-host \"" + value + "\" carries the policy line's \"mx:\" prefix; dropped");
            // every prefix ("mx: mx: a" too), so that what the writer writes reads back the same
            do v = v.substring(3).strip(); while (v.startsWith("mx:"));
            return v;
        }
        return value;
    }

    private Summary readSummary(JsonToken t) throws IOException, ReportParseException {
        expectObject(t, "summary");
        long successes = -1, failures = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "total-successful-session-count" -> successes = count(v);
                case "total-failure-session-count" -> failures = count(v);
                default -> unknownField(name);
            }
        }
        // Google sent reports without total-failure-session-count when it was zero
        if (successes < 0) {
            successes = 0;
            warn(WarningCode.MISSING_SUMMARY_COUNT, "/total-successful-session-count",
                    "total-successful-session-count is missing; taken as 0");
        }
        if (failures < 0) {
            failures = 0;
            warn(WarningCode.MISSING_SUMMARY_COUNT, "/total-failure-session-count",
                    "total-failure-session-count is missing; taken as 0");
        }
        return new Summary(successes, failures);
    }

    private List<FailureDetail> readFailureDetails(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) return List.of();
        if (t != JsonToken.START_ARRAY) throw fail(Kind.BAD_REPORT, "failure-details must be an array, found " + describe(t));
        List<FailureDetail> list = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (++failureDetailCount > limits.maxFailureDetails()) {
                throw fail(Kind.LIMIT_EXCEEDED, "more than " + limits.maxFailureDetails()
                        + " failure details (limit maxFailureDetails)");
            }
            list.add(readFailureDetail(e));
        }
        return list;
    }

    private FailureDetail readFailureDetail(JsonToken t) throws IOException, ReportParseException {
        expectObject(t, "a failure-details element");
        ResultType type = null;
        String sendingIp = null, mxHostname = null, helo = null, receivingIp = null, info = null, reason = null;
        long count = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "result-type" -> {
                    type = ResultType.of(requiredString(v));
                    if (!type.isRegistered()) {
                        warn(WarningCode.UNKNOWN_RESULT_TYPE,
                                "result-type \"" + type.value() + "\" is not in the IANA registry; kept as it is");
                    }
                }
                case "sending-mta-ip" -> sendingIp = ipAddress(optionalString(v, true));
                case "receiving-mx-hostname" -> mxHostname = optionalString(v, true);
                case "receiving-mx-helo" -> helo = optionalString(v, true);
                case "receiving-ip" -> receivingIp = ipAddress(optionalString(v, true));
                case "failed-session-count" -> count = count(v);
                case "additional-information" -> info = optionalString(v, true);
                case "failure-reason-code" -> reason = optionalString(v, true);
                default -> unknownField(name);
            }
        }
        if (type == null) throw missing("result-type");
        if (count < 0) throw missing("failed-session-count");
        if (sendingIp == null) warn(WarningCode.MISSING_SENDING_MTA_IP, "a failure detail without sending-mta-ip");
        if (mxHostname == null) {
            warn(WarningCode.MISSING_RECEIVING_MX_HOSTNAME, "a failure detail without receiving-mx-hostname");
        }
        if (receivingIp == null) warn(WarningCode.MISSING_RECEIVING_IP, "a failure detail without receiving-ip");
        return new FailureDetail(type, sendingIp, mxHostname, helo, receivingIp, count, info, reason);
    }

    private String ipAddress(String value) {
        if (value != null && !IpLiterals.isIpAddress(value)) {
            warn(WarningCode.NOT_AN_IP_ADDRESS, "\"" + value + "\" is not an IP address; kept as text");
        }
        return value;
    }

    // --- values ---

    private long count(JsonToken t) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw fail(Kind.BAD_VALUE, "count " + p.getText() + " is above 2^53-1, the largest exact I-JSON integer");
            }
            long v = p.getLongValue();
            if (v < 0) throw fail(Kind.BAD_VALUE, "count must not be negative, found " + v);
            if (v > MAX_SAFE_INTEGER) {
                throw fail(Kind.BAD_VALUE, "count " + v + " is above 2^53-1, the largest exact I-JSON integer");
            }
            return v;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) throw fail(Kind.BAD_VALUE, "count must be an integer, found " + p.getText());
        throw fail(Kind.BAD_REPORT, "count must be a non-negative integer, found " + describe(t));
    }

    private String requiredString(JsonToken t) throws IOException, ReportParseException {
        if (t != JsonToken.VALUE_STRING) throw fail(Kind.BAD_REPORT, "expected a string, found " + describe(t));
        return p.getText();
    }

    /** A string the report may leave out: null and "" read as absent, with a warning unless expected. */
    private String optionalString(JsonToken t, boolean warnOnEmpty) throws IOException, ReportParseException {
        if (t == JsonToken.VALUE_NULL) {
            if (warnOnEmpty) warn(WarningCode.NULL_VALUE, "null value; treated as absent");
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            // a number where text belongs (e.g. failure-reason-code 123) carries the same information
            return p.getText();
        }
        String s = requiredString(t);
        if (s.isEmpty()) {
            if (warnOnEmpty) warn(WarningCode.EMPTY_VALUE, "empty string; treated as absent");
            return null;
        }
        return s;
    }

    private void expectObject(JsonToken t, String what) throws ReportParseException {
        if (t != JsonToken.START_OBJECT) throw fail(Kind.BAD_REPORT, what + " must be an object, found " + describe(t));
    }

    private void unknownField(String name) throws IOException {
        warn(WarningCode.UNKNOWN_FIELD, "unknown member \"" + name + "\"; ignored");
        p.skipChildren();
    }

    // --- errors ---

    private ReportParseException missing(String member) {
        JsonLocation l = p.currentTokenLocation();
        return new ReportParseException(Kind.BAD_REPORT, "required member \"" + member + "\" is missing", source,
                p.getParsingContext().pathAsPointer().toString(), l.getLineNr(), l.getColumnNr());
    }

    private ReportParseException fail(Kind kind, String reason) {
        JsonLocation l = p.currentTokenLocation();
        return new ReportParseException(kind, reason, source, pointer(), l.getLineNr(), l.getColumnNr());
    }

    /** A warning at the current token. */
    private void warn(WarningCode code, String message) {
        warn(code, "", message);
    }

    /**
     * A warning at the current token's JSON pointer plus {@code suffix}. The pointer is costly to build
     * and only the first few warnings of a code are kept, so it is built for those only. After an
     * object's last member the current token is its END_OBJECT, whose pointer is the object's own.
     */
    private void warn(WarningCode code, String suffix, String message) {
        if (warnings.count(code)) warnings.keep(code, pointer() + suffix, message);
    }

    private String pointer() {
        return p.getParsingContext().pathAsPointer().toString();
    }

    static ReportParseException error(Kind kind, String reason, String source, JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String pointer = null;
        if (e.getProcessor() instanceof JsonParser jp && jp.getParsingContext() != null) {
            pointer = jp.getParsingContext().pathAsPointer().toString();
        }
        return new ReportParseException(kind, reason, source, pointer,
                l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr());
    }

    private static String describe(JsonToken t) {
        if (t == null) return "the end of the input";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }
}
