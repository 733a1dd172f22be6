package org.tlsrpthub.hub.readiness;

import com.fasterxml.jackson.annotation.JsonValue;

/** The four verdicts of issue 13 §1, worst-to-best is not an order here: each means something else. */
public enum Verdict {
    /** No MTA-STS policy, or one already enforced (or withdrawn with mode none). */
    NOT_APPLICABLE("not-applicable"),
    /** Too few days, stale data or no major sender: the data cannot tell yet. */
    INSUFFICIENT_DATA("insufficient-data"),
    /** Persistent enforce-relevant failures at or above the threshold. */
    NOT_READY("not-ready"),
    READY("ready");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
