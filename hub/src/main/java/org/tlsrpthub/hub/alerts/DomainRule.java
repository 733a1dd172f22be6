package org.tlsrpthub.hub.alerts;

import java.util.List;

/**
 * A rule about one domain, one small class: a pure function from the domain's facts to the
 * conditions it finds. Pure (no clock, no database), so that the same data and the same "now"
 * always give the same incidents.
 */
public interface DomainRule extends AlertRule {
    /** How many complete days before today the rule reads, at most, with these parameters. */
    int lookbackDays(RuleParams p);

    /**
     * How many days back the rule reads report cells ({@link RollupRow#REPORTS}) alone, when that is
     * further than {@link #lookbackDays}: the evaluation reads only those cells of the older days.
     */
    default int reportLookbackDays(RuleParams p) {
        return lookbackDays(p);
    }

    List<Signal> evaluate(DomainFacts facts, RuleParams p);
}
