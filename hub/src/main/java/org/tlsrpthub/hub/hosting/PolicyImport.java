package org.tlsrpthub.hub.hosting;

import java.util.List;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MtaStsPolicyParse;
import org.tlsrpthub.core.mtasts.MtaStsPolicyParser;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.MtaStsState;

/**
 * The policy a live check fetched from {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt}, to
 * import; or the refusal, in the live check's own words (its MTA-STS findings).
 *
 * @param reason what the imported version records: where and when the policy came from
 */
record PolicyImport(MtaStsPolicy policy, String reason) {

    static PolicyImport of(DomainCheck check) {
        MtaStsState sts = check.mtaSts();
        if (sts == null || !"valid".equals(sts.policyStatus()) || sts.policy() == null) {
            throw HostingException.conflict("could not import the MTA-STS policy of " + check.domain() + ": " + why(check, sts));
        }
        if (!(MtaStsPolicyParser.parse(sts.policy()) instanceof MtaStsPolicyParse.Valid valid)) {
            throw HostingException.conflict("could not import the MTA-STS policy of " + check.domain() + ": the fetched policy does not parse");
        }
        return new PolicyImport(valid.policy(), "imported from " + sts.policyUrl() + " (record id=" + sts.id() + ", live check of "
                + check.checkedAt() + ")");
    }

    private static String why(DomainCheck check, MtaStsState sts) {
        List<String> said = check.findings().stream()
                .filter(f -> f.severity() != FindingSeverity.INFO && (f.id().startsWith("mta-sts-") || f.id().startsWith("sts-")))
                .map(Finding::message).toList();
        if (!said.isEmpty()) return String.join(" ", said);
        if (sts == null) return "the live check fetched no policy.";
        return "the live check fetched no valid policy (record " + sts.recordStatus() + ", policy " + sts.policyStatus() + ").";
    }
}
