package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coverage facts taken from a check, and the report-beside verdict helpers. */
class CheckFactsTest {
    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void factsOfAHealthyDomainAndOfOneWithProblems() {
        CheckFacts ok = CheckFacts.of(CheckFixture.healthy("a.test", T).build());
        assertThat(List.of(ok.errors(), ok.warnings(), ok.mxCount(), ok.minDaysToExpiry())).containsExactly(0, 0, 1, 90);
        assertThat(ok.starttlsAll()).isTrue();
        assertThat(ok.mxCovered()).isTrue();
        assertThat(ok.reachesHub()).isTrue();

        CheckFacts bad = CheckFacts.of(CheckFixture.healthy("a.test", T).noTlsrpt().finding("mx-not-in-policy", FindingSeverity.ERROR, "mx2.a.test")
                .mx(CheckFixture.host("mx1.a.test", "aa", "2026-03-05T00:00:00Z", 4, true), CheckFixture.noStarttls("mx2.a.test")).build());
        assertThat(bad.errors()).isEqualTo(2);
        assertThat(bad.tlsrptStatus()).isEqualTo("missing");
        assertThat(bad.mxCovered()).isFalse();
        assertThat(bad.starttlsAll()).isFalse();
        assertThat(bad.minDaysToExpiry()).isEqualTo(4);
    }

    @Test
    void starttlsIsUnknownWhileAHostWentUnprobedOrThereIsNoMx() {
        MxHost unprobed = new MxHost("mx1.a.test", 10, List.of("192.0.2.1"), "not-probed", null, null, null);
        assertThat(CheckFacts.of(CheckFixture.healthy("a.test", T).mx(unprobed).build()).starttlsAll()).isNull();
        CheckFacts none = CheckFacts.of(CheckFixture.healthy("a.test", T).mx().build());
        assertThat(none.starttlsAll()).isNull();
        assertThat(none.minDaysToExpiry()).isNull();
    }

    @Test
    void aHostIsFineOnlyWithStarttlsAndACertificateASenderAccepts() {
        assertThat(ReportsBeside.fine(CheckFixture.host("mx1.a.test", "aa", "2026-09-01T00:00:00Z", 90, true))).isTrue();
        assertThat(ReportsBeside.fine(CheckFixture.host("mx1.a.test", "aa", "2026-09-01T00:00:00Z", 90, false))).isFalse();
        assertThat(ReportsBeside.fine(CheckFixture.host("mx1.a.test", "aa", "2026-02-01T00:00:00Z", -1, true))).isFalse();
        assertThat(ReportsBeside.fine(CheckFixture.noStarttls("mx2.a.test"))).isFalse();
    }

    @Test
    void policiesCompareByTheirLinesNotTheirSpellingOrOrder() {
        assertThat(ReportsBeside.normalised(List.of("version: STSv1", "mode: enforce", "mx: a.test", "max_age: 86400")))
                .isEqualTo(ReportsBeside.normalised(List.of("Mode:enforce", "version: STSv1", "", "max_age: 86400 ", "mx: a.test")));
        assertThat(ReportsBeside.normalised(List.of("mode: enforce"))).isNotEqualTo(ReportsBeside.normalised(List.of("mode: testing")));
    }
}
