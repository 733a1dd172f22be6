package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.MtaStsState;
import org.tlsrpthub.hub.checks.MxHost;
import org.tlsrpthub.hub.checks.TlsRptState;

/** A domain check in plain words, for {@code check} without {@code --json}. */
final class CheckText {
    private CheckText() {}

    static void print(PrintWriter out, DomainCheck c) {
        out.println(c.domain() + "  (checked " + c.checkedAt() + ")");
        TlsRptState t = c.tlsrpt();
        out.println("  TLS-RPT  " + t.status() + (t.rua() == null ? "" : ", rua " + String.join(", ", t.rua())
                + (t.reachesHub() ? " (reaches this hub)" : " (not this hub)")));
        if (t.publish() != null) out.println("           publish: " + t.publish());
        MtaStsState s = c.mtaSts();
        out.println("  MTA-STS  record " + s.recordStatus() + (s.id() == null ? "" : " (id " + s.id() + ")")
                + ", policy " + s.policyStatus() + (s.mode() == null ? "" : ": mode " + s.mode() + ", max_age " + s.maxAge()
                + ", mx " + String.join(" ", s.mx())));
        for (MxHost m : c.mx()) {
            out.println("  MX       " + m.preference() + " " + m.host() + " " + String.join(" ", m.addresses()) + ": " + m.starttls());
        }
        out.println("  DANE     " + c.dane().summary());
        List<Finding> findings = c.findings();
        for (Finding f : findings) {
            out.println("  " + f.severity().id() + " " + f.id() + " (" + f.subject() + ")");
            out.println("      " + f.message());
            out.println("      fix: " + f.fix());
        }
        out.println("  " + count(findings, FindingSeverity.ERROR, "error") + ", " + count(findings, FindingSeverity.WARNING, "warning")
                + ", " + count(findings, FindingSeverity.INFO, "note"));
    }

    private static String count(List<Finding> findings, FindingSeverity s, String word) {
        long n = findings.stream().filter(f -> f.severity() == s).count();
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
