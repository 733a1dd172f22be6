package org.tlsrpthub.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.tlsrpthub.core.report.DateRange;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;

/**
 * Writes a report as canonical RFC 8460 §4.4 JSON: the RFC's member names and order, mx-host always
 * an array, date-times in UTC with {@code Z}, absent optional members left out. Parsing the output
 * gives back an equal {@link Report}.
 */
public final class ReportWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    public byte[] write(Report report) {
        return write(report, false);
    }

    public byte[] write(Report report, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        write(report, pretty, out);
        return out.toByteArray();
    }

    public void write(Report report, boolean pretty, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) g.useDefaultPrettyPrinter();
            writeReport(g, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report as one value into a generator the caller owns (e.g. inside a larger document). */
    public void writeReport(JsonGenerator g, Report r) throws IOException {
        g.writeStartObject();
        g.writeStringField("organization-name", r.organizationName());
        writeDateRange(g, r.dateRange());
        if (r.contactInfo() != null) g.writeStringField("contact-info", r.contactInfo());
        g.writeStringField("report-id", r.reportId());
        g.writeArrayFieldStart("policies");
        for (PolicyResult pr : r.policies()) writePolicyResult(g, pr);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeDateRange(JsonGenerator g, DateRange range) throws IOException {
        g.writeObjectFieldStart("date-range");
        g.writeStringField("start-datetime", range.start().toString());
        g.writeStringField("end-datetime", range.end().toString());
        g.writeEndObject();
    }

    private static void writePolicyResult(JsonGenerator g, PolicyResult pr) throws IOException {
        g.writeStartObject();
        Policy policy = pr.policy();
        g.writeObjectFieldStart("policy");
        g.writeStringField("policy-type", policy.type().value());
        writeStrings(g, "policy-string", policy.policyStrings());
        if (policy.domain() != null) g.writeStringField("policy-domain", policy.domain());
        writeStrings(g, "mx-host", policy.mxHosts());
        g.writeEndObject();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("total-successful-session-count", pr.summary().totalSuccessfulSessionCount());
        g.writeNumberField("total-failure-session-count", pr.summary().totalFailureSessionCount());
        g.writeEndObject();
        if (!pr.failureDetails().isEmpty()) {
            g.writeArrayFieldStart("failure-details");
            for (FailureDetail d : pr.failureDetails()) writeFailureDetail(g, d);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeFailureDetail(JsonGenerator g, FailureDetail d) throws IOException {
        g.writeStartObject();
        g.writeStringField("result-type", d.resultType().value());
        writeOptional(g, "sending-mta-ip", d.sendingMtaIp());
        writeOptional(g, "receiving-mx-hostname", d.receivingMxHostname());
        writeOptional(g, "receiving-mx-helo", d.receivingMxHelo());
        writeOptional(g, "receiving-ip", d.receivingIp());
        g.writeNumberField("failed-session-count", d.failedSessionCount());
        writeOptional(g, "additional-information", d.additionalInformation());
        writeOptional(g, "failure-reason-code", d.failureReasonCode());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values.isEmpty()) return;
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void writeOptional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) g.writeStringField(name, value);
    }
}
