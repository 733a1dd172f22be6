package org.tlsrpthub.hub.alerts.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.tlsrpthub.hub.alerts.DomainFacts;
import org.tlsrpthub.hub.alerts.RollupRow;

/** Failure-detail sessions by result type and MX, which several rules put in their evidence. */
final class ResultTypes {
    /**
     * What STARTTLS stripping or interception looks like from outside: the receiver seemed not to offer
     * STARTTLS, or presented a certificate the sender could not validate.
     */
    static final Set<String> DOWNGRADE = Set.of("starttls-not-supported", "validation-failure", "certificate-host-mismatch",
            "certificate-expired", "certificate-not-trusted");

    private ResultTypes() {}

    /** Failed sessions per result type over [from, today). */
    static Map<String, Long> failed(DomainFacts f, int from) {
        Map<String, Long> out = new TreeMap<>();
        for (RollupRow r : f.rows()) {
            if (r.kind() == RollupRow.DETAIL && r.day() >= from && r.day() < f.today()) out.merge(r.resultType(), r.sessions(), Long::sum);
        }
        return out;
    }

    /** The MX hosts named by the failure details over [from, today) that pass {@code which}; a detail without one names none. */
    static TreeSet<String> failingMx(DomainFacts f, int from, Predicate<RollupRow> which) {
        TreeSet<String> out = new TreeSet<>();
        for (RollupRow r : f.rows()) {
            if (r.kind() == RollupRow.DETAIL && r.day() >= from && r.day() < f.today() && !r.mx().isEmpty() && which.test(r)) out.add(r.mx());
        }
        return out;
    }
}
