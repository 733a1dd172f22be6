package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each coverage filter keeps the domains that need its kind of attention, and only those. */
class CoverageFilterTest {
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    /** A domain with everything in order: TLS-RPT reaching the hub, MTA-STS enforce covering 2 MX, STARTTLS, 60 days. */
    private static CoverageRow fine(String domain) {
        return new CoverageRow(domain, AT, 0, 0, "valid", true, null, "valid", "valid", "enforce", "1", 2, true, true, 60, "inactive");
    }

    /** One row per thing that can be wrong, each wrong in that one way. */
    private static Map<String, CoverageRow> rows() {
        Map<String, CoverageRow> m = new LinkedHashMap<>();
        m.put("fine", fine("fine.test"));
        m.put("unchecked", new CoverageRow("unchecked.test", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null));
        m.put("no-tlsrpt", new CoverageRow("no-tlsrpt.test", AT, 1, 0, "missing", false, "_smtp._tls.no-tlsrpt.test. IN TXT \"…\"",
                "valid", "valid", "enforce", "1", 2, true, true, 60, "inactive"));
        m.put("broken-tlsrpt", new CoverageRow("broken-tlsrpt.test", AT, 1, 0, "invalid", false, "…", "valid", "valid", "enforce", "1", 2,
                true, true, 60, "inactive"));
        m.put("elsewhere", new CoverageRow("elsewhere.test", AT, 0, 1, "valid", false, "…", "valid", "valid", "enforce", "1", 2, true, true,
                60, "inactive"));
        m.put("no-sts", new CoverageRow("no-sts.test", AT, 0, 1, "valid", true, null, "missing", "not-fetched", null, null, 2, null, true,
                60, "inactive"));
        m.put("testing", new CoverageRow("testing.test", AT, 0, 0, "valid", true, null, "valid", "valid", "testing", "1", 2, true, true, 60,
                "inactive"));
        m.put("uncovered", new CoverageRow("uncovered.test", AT, 1, 0, "valid", true, null, "valid", "valid", "enforce", "1", 2, false, true,
                60, "inactive"));
        m.put("no-starttls", new CoverageRow("no-starttls.test", AT, 1, 0, "valid", true, null, "valid", "valid", "enforce", "1", 2, true,
                false, null, "inactive"));
        m.put("soon", new CoverageRow("soon.test", AT, 0, 1, "valid", true, null, "valid", "valid", "enforce", "1", 2, true, true, 20,
                "inactive"));
        m.put("expired", new CoverageRow("expired.test", AT, 1, 0, "valid", true, null, "valid", "valid", "enforce", "1", 2, true, true, -3,
                "inactive"));
        m.put("day21", new CoverageRow("day21.test", AT, 0, 0, "valid", true, null, "valid", "valid", "enforce", "1", 2, true, true, 21,
                "inactive"));
        return m;
    }

    private static List<String> kept(CoverageFilter f) {
        return rows().entrySet().stream().filter(e -> f.keeps(e.getValue())).map(Map.Entry::getKey).toList();
    }

    @Test
    void eachFilterKeepsExactlyTheDomainsWithItsProblem() {
        assertThat(kept(CoverageFilter.ALL)).containsExactlyElementsOf(rows().keySet());
        assertThat(kept(CoverageFilter.NOT_CHECKED)).containsExactly("unchecked");
        assertThat(kept(CoverageFilter.MISSING_TLSRPT)).containsExactly("no-tlsrpt", "broken-tlsrpt");
        assertThat(kept(CoverageFilter.RUA_ELSEWHERE)).containsExactly("elsewhere");
        assertThat(kept(CoverageFilter.MISSING_MTA_STS)).containsExactly("no-sts");
        assertThat(kept(CoverageFilter.NOT_ENFORCING)).containsExactly("no-sts", "testing");
        assertThat(kept(CoverageFilter.MX_NOT_COVERED)).containsExactly("uncovered");
        assertThat(kept(CoverageFilter.NO_STARTTLS)).containsExactly("no-starttls");
        assertThat(kept(CoverageFilter.CERTIFICATE_SOON)).containsExactly("soon", "expired");
        assertThat(kept(CoverageFilter.ERRORS)).containsExactly("no-tlsrpt", "broken-tlsrpt", "uncovered", "no-starttls", "expired");
    }

    @Test
    void filtersAreNamedByTheirIdsAndAnUnknownOneSaysWhichExist() {
        assertThat(Arrays.stream(CoverageFilter.values()).map(CoverageFilter::id)).containsExactly("all", "not-checked", "missing-tlsrpt",
                "rua-elsewhere", "missing-mta-sts", "not-enforcing", "mx-not-covered", "no-starttls", "certificate-soon", "errors");
        for (CoverageFilter f : CoverageFilter.values()) assertThat(CoverageFilter.of(f.id())).isEqualTo(f);
        assertThat(CoverageFilter.of(null)).isEqualTo(CoverageFilter.ALL);
        assertThat(CoverageFilter.of(" ")).isEqualTo(CoverageFilter.ALL);
        assertThatThrownBy(() -> CoverageFilter.of("expired")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown coverage filter 'expired': use one of all, not-checked, missing-tlsrpt, rua-elsewhere, missing-mta-sts,"
                        + " not-enforcing, mx-not-covered, no-starttls, certificate-soon, errors");
    }

    @Test
    void theRecordToPublishForAMissingMtaStsRecordIsGivenOnlyWhenItIsMissing() {
        assertThat(rows().get("no-sts").mtaStsPublish())
                .isEqualTo("_mta-sts.no-sts.test. IN TXT \"v=STSv1; id=2026030101\"");
        assertThat(rows().get("no-sts").policyUrl()).isEqualTo("https://mta-sts.no-sts.test/.well-known/mta-sts.txt");
        assertThat(fine("fine.test").mtaStsPublish()).isNull();
    }
}
