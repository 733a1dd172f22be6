package org.tlsrpthub.hub.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code alerts evaluate --json} prints: {@code {"at", "incidents": [{"domain", "rule", "severity",
 * "subject", "reporter"?, "mx"?, "result_type"?, "downgrade"?, "evidence"}]}}, absent fields left out.
 */
public record AlertsOutput(Instant at, List<Item> incidents) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String domain, String rule, Severity severity, String subject, String reporter, String mx,
                       @JsonProperty("result_type") String resultType, Boolean downgrade, Map<String, Object> evidence) {}

    public static AlertsOutput of(Evaluation e) {
        return new AlertsOutput(e.at(), e.signals().stream().map(s -> new Item(s.domain(), s.rule(), s.severity(), s.subject(),
                s.reporter(), s.mx(), s.resultType(), s.downgrade(), s.evidence())).toList());
    }

    /** The same in plain words, one incident a line. */
    public static String words(Evaluation e) {
        StringBuilder out = new StringBuilder();
        if (e.signals().isEmpty()) out.append("No incident would be open at ").append(e.at()).append(".\n");
        else out.append(e.signals().size()).append(" incident(s) would be open at ").append(e.at()).append(":\n");
        for (Signal s : e.signals()) {
            out.append("- ").append(s.severity().id()).append(' ').append(s.rule()).append(' ')
                    .append(s.domain().isEmpty() ? "(the hub)" : s.domain());
            if (!s.subject().isEmpty()) out.append(" [").append(s.subject()).append(']');
            out.append(": ").append(s.summary()).append('\n');
        }
        return out.toString();
    }
}
