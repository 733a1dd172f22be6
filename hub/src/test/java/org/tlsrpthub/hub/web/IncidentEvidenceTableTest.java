package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidence rows (would_break) show as a table on the incident page; other values as they are. */
class IncidentEvidenceTableTest {
    private static Map<String, Object> row(String reporter, double perDay) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reporter", reporter);
        m.put("mx", "mx1.a.test");
        m.put("sessions_per_day", perDay);
        return m;
    }

    @Test
    void aListOfRowsIsATableInTheFirstRowsColumnOrder() {
        assertThat(IncidentPages.table(List.of(row("google.com", 1000.0), row("small.test", 2.5)))).containsExactly(
                List.of("reporter", "mx", "sessions_per_day"), List.of("google.com", "mx1.a.test", "1000.0"),
                List.of("small.test", "mx1.a.test", "2.5"));
    }

    @Test
    void otherValuesAreNoTable() {
        assertThat(IncidentPages.table(List.of(1L, 2L))).isNull();
        assertThat(IncidentPages.table(List.of())).isNull();
        assertThat(IncidentPages.table("text")).isNull();
        assertThat(IncidentPages.table(Map.of("from", "2026-11-01"))).isNull();
    }
}
