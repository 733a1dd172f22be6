package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDiffTest {
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-03-01T06:00:00Z");

    @Test
    void aDomainsFirstCheckReportsEachOfItsFindingsAsAppeared() {
        DomainCheck first = CheckFixture.healthy("a.test", T0).noTlsrpt().build();
        assertThat(EventDiff.between(null, first)).extracting(CheckEvent::kind, CheckEvent::finding, CheckEvent::severity, CheckEvent::at)
                .containsExactly(tuple(CheckEvent.Kind.FINDING_APPEARED, "tlsrpt-record-missing", FindingSeverity.ERROR, T0));
        assertThat(EventDiff.between(null, CheckFixture.healthy("a.test", T0).build())).isEmpty();
    }

    @Test
    void theSameStateTwiceIsNoEvent() {
        DomainCheck a = CheckFixture.healthy("a.test", T0).noTlsrpt().build();
        DomainCheck b = CheckFixture.healthy("a.test", T1).noTlsrpt().build();
        assertThat(EventDiff.between(a, b)).isEmpty();
    }

    @Test
    void findingsAppearAndClearBySubject() {
        DomainCheck before = CheckFixture.healthy("a.test", T0).finding("certificate-expired", FindingSeverity.ERROR, "mx1.a.test").build();
        DomainCheck after = CheckFixture.healthy("a.test", T1).finding("certificate-expired", FindingSeverity.ERROR, "mx2.a.test").build();
        assertThat(EventDiff.between(before, after)).extracting(CheckEvent::kind, CheckEvent::subject).containsExactly(
                tuple(CheckEvent.Kind.FINDING_APPEARED, "mx2.a.test"), tuple(CheckEvent.Kind.FINDING_CLEARED, "mx1.a.test"));
    }

    @Test
    void aNewFingerprintOrExpiryIsARenewedCertificate() {
        DomainCheck before = CheckFixture.healthy("a.test", T0).build();
        DomainCheck newKey = CheckFixture.healthy("a.test", T1).mx(CheckFixture.host("mx1.a.test", "bb", "2026-09-01T00:00:00Z", 90, true)).build();
        DomainCheck longer = CheckFixture.healthy("a.test", T1).mx(CheckFixture.host("mx1.a.test", "aa", "2027-01-01T00:00:00Z", 200, true)).build();
        for (DomainCheck after : List.of(newKey, longer)) {
            assertThat(EventDiff.between(before, after)).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(CheckEvent.Kind.CERTIFICATE_RENEWED);
                assertThat(e.subject()).isEqualTo("mx1.a.test");
                assertThat(e.detail()).contains("2026-09-01T00:00:00Z");
            });
        }
    }

    @Test
    void aChangedPolicyIdAndAChangedMxSetAreEvents() {
        DomainCheck before = CheckFixture.healthy("a.test", T0).build();
        DomainCheck after = CheckFixture.healthy("a.test", T1).policyId("2")
                .mx(CheckFixture.host("mx1.a.test", "aa", "2026-09-01T00:00:00Z", 90, true), CheckFixture.noStarttls("mx2.a.test")).build();
        assertThat(EventDiff.between(before, after)).extracting(CheckEvent::kind, CheckEvent::subject, CheckEvent::detail).containsExactly(
                tuple(CheckEvent.Kind.POLICY_ID_CHANGED, "_mta-sts.a.test", "the MTA-STS policy id changed from 1 to 2"),
                tuple(CheckEvent.Kind.MX_SET_CHANGED, "a.test", "MX hosts added: mx2.a.test; removed: none"));
    }
}
