package org.tlsrpthub.hub.store;

import java.util.List;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.core.syntax.ContactDomain;
import org.tlsrpthub.hub.dkim.DkimResult;
import org.tlsrpthub.hub.dkim.SubmitterAlignment;

/**
 * Who sent a report, as far as the hub can tell, and whether a signature proves it.
 *
 * <p>The key is the domain of {@code contact-info}; without one, the d= of a valid DKIM signature
 * on the message; only without both the organisation name, which anyone may write. A report is
 * verified when a valid signature's d= covers its key (RFC 8460 §3): only then may it displace
 * another report with the same key ({@link ReportStore}).
 *
 * @param key      the reporter key of the report's dedup key
 * @param verified whether a valid DKIM signature covers the key
 */
public record ReporterIdentity(String key, boolean verified) {

    public static ReporterIdentity of(Report report, Provenance provenance) {
        List<String> signers = DkimResult.passingDomainsIn(provenance.dkimResult());
        String key = ContactDomain.of(report.contactInfo())
                .orElseGet(() -> signers.isEmpty() ? report.reporterKey() : signers.get(0));
        return new ReporterIdentity(key, covers(signers, key));
    }

    /** Whether the stored DKIM verdict {@code dkimResult} verifies reporter {@code key}. */
    static boolean verified(String key, String dkimResult) {
        return covers(DkimResult.passingDomainsIn(dkimResult), key);
    }

    private static boolean covers(List<String> signers, String key) {
        return signers.stream().anyMatch(d -> SubmitterAlignment.covers(d, key));
    }
}
