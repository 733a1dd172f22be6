package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evidence rows (would_break) show as a table on the incident page; other values in words. */
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
    void mapsAndListsReadAsWordsNotAsJavaPrintsThem() {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", "2026-11-29");
        window.put("to", "2026-12-01");
        assertThat(IncidentPages.text(window)).isEqualTo("from: 2026-11-29, to: 2026-12-01");
        Map<String, Object> types = new LinkedHashMap<>();
        types.put("certificate-host-mismatch", 622L);
        types.put("sts-policy-fetch-error", 78L);
        assertThat(IncidentPages.text(types)).isEqualTo("certificate-host-mismatch: 622, sts-policy-fetch-error: 78");
        assertThat(IncidentPages.text(List.of("corp.mail.ru", "google.com"))).isEqualTo("corp.mail.ru, google.com");
        assertThat(IncidentPages.text(27.94)).isEqualTo("27.94");
    }

    @Test
    void otherValuesAreNoTable() {
        assertThat(IncidentPages.table(List.of(1L, 2L))).isNull();
        assertThat(IncidentPages.table(List.of())).isNull();
        assertThat(IncidentPages.table("text")).isNull();
        assertThat(IncidentPages.table(Map.of("from", "2026-11-01"))).isNull();
    }
}
