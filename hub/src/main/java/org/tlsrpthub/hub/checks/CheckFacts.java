package org.tlsrpthub.hub.checks;

import java.util.List;
import java.util.Objects;

/**
 * What the coverage page shows of one check, taken from the {@link DomainCheck} when it is stored
 * (the queryable columns of {@code check_result}).
 *
 * @param mxCovered       every MX host is matched by the MTA-STS policy; null without a valid policy
 * @param starttlsAll     every MX host offers STARTTLS; null when the domain has no MX or a host was not probed
 * @param minDaysToExpiry the fewest days to expiry of a certificate an MX presented; null when none was seen
 */
public record CheckFacts(int errors, int warnings, String tlsrptStatus, boolean reachesHub, String mtaStsRecord,
                         String policyStatus, String policyMode, String policyId, int mxCount, Boolean mxCovered,
                         Boolean starttlsAll, Integer minDaysToExpiry, String daneStatus) {

    public static CheckFacts of(DomainCheck c) {
        int errors = count(c.findings(), FindingSeverity.ERROR);
        int warnings = count(c.findings(), FindingSeverity.WARNING);
        TlsRptState t = c.tlsrpt();
        MtaStsState s = c.mtaSts();
        boolean validPolicy = s != null && "valid".equals(s.policyStatus());
        Boolean covered = validPolicy ? !c.has("mx-not-in-policy") : null;
        // unknown, not "no", while any host went unprobed
        Boolean starttls = c.mx().isEmpty() || c.mx().stream().anyMatch(m -> "not-probed".equals(m.starttls())) ? null
                : c.mx().stream().allMatch(m -> "offered".equals(m.starttls()));
        Integer minDays = c.mx().stream().map(MxHost::certificate).filter(Objects::nonNull)
                .map(x -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, x.daysToExpiry())))
                .min(Integer::compare).orElse(null);
        return new CheckFacts(errors, warnings, t == null ? null : t.status(), t != null && t.reachesHub(),
                s == null ? null : s.recordStatus(), s == null ? null : s.policyStatus(), s == null ? null : s.mode(),
                s == null ? null : s.id(), c.mx().size(), covered, starttls, minDays, c.dane() == null ? null : c.dane().status());
    }

    private static int count(List<Finding> findings, FindingSeverity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
