package org.tlsrpthub.core.json;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.core.report.Warning;
import org.tlsrpthub.core.report.WarningCode;

/**
 * Gathers warnings while parsing. A report with 20,000 failure details that all lack the same field
 * should say so once, not 20,000 times: after {@link #KEPT_PER_CODE} warnings of one code the rest
 * are counted and summed up in a closing warning.
 */
final class WarningCollector {
    static final int KEPT_PER_CODE = 3;

    private final List<Warning> kept = new ArrayList<>();
    private final Map<WarningCode, Integer> counts = new EnumMap<>(WarningCode.class);

    void add(WarningCode code, String where, String message) {
        if (count(code)) keep(code, where, message);
    }

    /** Counts one warning of this code; true when it is one of those kept, which {@link #keep} must then add. */
    boolean count(WarningCode code) {
        return counts.merge(code, 1, Integer::sum) <= KEPT_PER_CODE;
    }

    /** Keeps a warning that {@link #count} has counted and accepted. */
    void keep(WarningCode code, String where, String message) {
        kept.add(new Warning(code, where, message));
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    List<Warning> toList() {
        if (kept.isEmpty()) return List.of();
        List<Warning> all = new ArrayList<>(kept);
        counts.forEach((code, n) -> {
            if (n > KEPT_PER_CODE) {
                all.add(new Warning(code, "", (n - KEPT_PER_CODE) + " more warnings of this kind"));
            }
        });
        return all;
    }
}
