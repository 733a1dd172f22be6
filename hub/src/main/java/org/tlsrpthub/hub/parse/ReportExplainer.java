package org.tlsrpthub.hub.parse;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.core.mail.EmailMetadata;
import org.tlsrpthub.core.mail.EmailReport;
import org.tlsrpthub.core.report.FailureDetail;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Policy;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.report.ResultType;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.taxonomy.FailureDescription;
import org.tlsrpthub.core.taxonomy.FailureTaxonomy;
import org.tlsrpthub.core.taxonomy.RemediationStep;

/**
 * A report told in plain words for a mail operator: who reported, for which period and policy, how
 * many sessions failed, what each failure type means and what to do about it, and what was odd about
 * the report itself. The same text serves the CLI and the web's "parse a report" page.
 */
public final class ReportExplainer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public String explain(ParsedReport parsed) {
        return explain(parsed, null);
    }

    /** As {@link #explain(ParsedReport)}, adding where in an email the report was found ({@code via} may be null). */
    public String explain(ParsedReport parsed, EmailReport via) {
        Report r = parsed.report();
        var out = new StringBuilder();
        if (via != null) {
            EmailMetadata m = via.message();
            line(out, "Email", "from " + orNone(m.from()) + ", Message-ID " + orNone(m.messageId()) + ", date " + orNone(m.dateRaw()));
            line(out, "", "TLS-Report-Domain " + orNone(m.reportDomain()) + ", TLS-Report-Submitter " + orNone(m.reportSubmitter()));
            line(out, "", via.partName() + " (" + via.contentType() + (via.filename() == null ? "" : ", " + via.filename()) + ")");
        }
        line(out, "Reporter", r.organizationName() + (r.contactInfo() == null ? "" : " <" + r.contactInfo() + ">"));
        line(out, "Report ID", r.reportId());
        line(out, "Period", TIME.format(r.dateRange().start()) + " to " + TIME.format(r.dateRange().end()) + " UTC");
        long ok = r.totalSuccessfulSessions(), failed = r.totalFailureSessions();
        line(out, "Sessions", String.format(Locale.ROOT, "%,d successful, %,d failed (%s failure rate)", ok, failed,
                failureRate(ok, failed)));
        int i = 0;
        for (PolicyResult pr : r.policies()) {
            out.append('\n');
            explainPolicy(out, ++i, r.policies().size(), pr);
        }
        if (!parsed.warnings().isEmpty()) {
            out.append("\nWarnings (accepted, but not as RFC 8460 says):\n");
            for (Warning w : parsed.warnings()) out.append("  - ").append(w).append('\n');
        }
        return out.toString();
    }

    static String failureRate(long ok, long failed) {
        long total = ok + failed;
        if (total == 0) return "no sessions, so no";
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * failed / total);
    }

    private void explainPolicy(StringBuilder out, int n, int of, PolicyResult pr) {
        Policy p = pr.policy();
        out.append(of > 1 ? "Policy " + n + " of " + of : "Policy").append(": ").append(p.type().value());
        out.append(" for ").append(p.domain() == null ? "(no policy-domain given)" : p.domain()).append('\n');
        for (String s : p.policyStrings()) out.append("    | ").append(s).append('\n');
        if (!p.mxHosts().isEmpty()) out.append("    mx-host: ").append(String.join(", ", p.mxHosts())).append('\n');
        long ok = pr.summary().totalSuccessfulSessionCount(), failed = pr.summary().totalFailureSessionCount();
        out.append(String.format(Locale.ROOT, "    %,d successful, %,d failed (%s failure rate)%n", ok, failed,
                failureRate(ok, failed)));
        if (pr.failureDetails().isEmpty()) return;

        Map<ResultType, Long> byType = new LinkedHashMap<>();
        Map<String, Long> mxHosts = new TreeMap<>(), sendingIps = new TreeMap<>();
        for (FailureDetail d : pr.failureDetails()) {
            byType.merge(d.resultType(), d.failedSessionCount(), Long::sum);
            mxHosts.merge(describeMx(d), d.failedSessionCount(), Long::sum);
            if (d.sendingMtaIp() != null) sendingIps.merge(d.sendingMtaIp(), d.failedSessionCount(), Long::sum);
        }
        String exampleMx = pr.failureDetails().stream().map(FailureDetail::receivingMxHostname)
                .filter(h -> h != null).findFirst().orElse(null);
        for (var e : byType.entrySet()) explainFailureType(out, e.getKey(), e.getValue(), pr, p.domain(), exampleMx);
        out.append("    Receiving MX hosts involved: ").append(counts(mxHosts)).append('\n');
        if (!sendingIps.isEmpty()) out.append("    Sending IPs involved: ").append(counts(sendingIps)).append('\n');
    }

    private void explainFailureType(StringBuilder out, ResultType type, long sessions, PolicyResult pr,
                                    String domain, String mx) {
        FailureDescription d = FailureTaxonomy.describe(type);
        out.append(String.format(Locale.ROOT, "%n    %s: %,d session%s [%s, %s]%n", type.value(), sessions,
                sessions == 1 ? "" : "s", d.category().label(), d.severity().name().toLowerCase(Locale.ROOT)));
        wrap(out, "      ", d.title() + ". " + d.explanation());
        pr.failureDetails().stream()
                .filter(f -> f.resultType().equals(type) && f.failureReasonCode() != null)
                .map(FailureDetail::failureReasonCode).distinct().limit(5)
                .forEach(code -> {
                    wrap(out, "      ", "Reason given: " + code
                            + FailureTaxonomy.hintFor(code).map(h -> " (" + h + ")").orElse(""));
                });
        out.append("      What to do:\n");
        int i = 0;
        for (RemediationStep s : d.steps()) {
            wrap(out, "           ", (++i) + ". " + s.action(), "        ");
            if (s.hasCommand()) out.append("           $ ").append(fillIn(s.command(), domain, mx)).append('\n');
        }
    }

    private static final int WIDTH = 100;

    private static void wrap(StringBuilder out, String indent, String text) {
        wrap(out, indent, text, indent);
    }

    /** Word-wraps text to the terminal width; the first line may have its own indent. */
    private static void wrap(StringBuilder out, String indent, String text, String firstIndent) {
        StringBuilder line = new StringBuilder(firstIndent);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) line.append(' ');
            line.append(word);
            empty = false;
        }
        out.append(line).append('\n');
    }

    private static String fillIn(String command, String domain, String mx) {
        String c = command;
        if (domain != null) c = c.replace(FailureTaxonomy.DOMAIN_PLACEHOLDER, domain);
        if (mx != null) c = c.replace(FailureTaxonomy.MX_HOST_PLACEHOLDER, mx);
        return c;
    }

    private static String describeMx(FailureDetail d) {
        String host = d.receivingMxHostname() == null ? "(not given)" : d.receivingMxHostname();
        return d.receivingIp() == null ? host : host + " (" + d.receivingIp() + ")";
    }

    private static String counts(Map<String, Long> m) {
        var sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(" ×").append(v));
        return sb.toString();
    }

    private static String orNone(String s) {
        return s == null ? "(none)" : s;
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-10s %s%n", label.isEmpty() ? "" : label + ":", value));
    }
}
