package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.hosting.HostingServiceContract.HUB;
import static org.tlsrpthub.hub.hosting.HostingServiceContract.MX1;
import static org.tlsrpthub.hub.hosting.HostingServiceContract.MX2;
import static org.tlsrpthub.hub.hosting.HostingServiceContract.refused;
import static org.tlsrpthub.hub.hosting.HostingWorld.ANA;
import static org.tlsrpthub.hub.hosting.HostingWorld.D;
import static org.tlsrpthub.hub.hosting.HostingWorld.testing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.readiness.CurrentPolicy;
import org.tlsrpthub.hub.readiness.Readiness;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.readiness.ReadinessService;
import org.tlsrpthub.hub.readiness.ReadinessSettings;
import org.tlsrpthub.hub.readiness.Verdict;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * Promote (ready, or overridden with a reason), roll back, import refusals, whether the TXT record
 * is published, and the hosted policy as the readiness verdict's current policy; on SQLite and PostgreSQL.
 */
abstract class PromoteRollbackContract extends HostingStoreTest {
    static final String QUIET = "quiet.example";


    private Readiness verdict(String domain) throws Exception {
        return new ReadinessService(db, w.clock, ReadinessSettings.DEFAULTS, List.of(new HostedPolicySource()))
                .readiness(HUB, domain, null).orElseThrow();
    }

    @Test
    void aReadyDomainIsPromotedWithItsMxAndMaxAgeAndTheVerdictKept() throws Exception {
        w.service.host(HUB, ANA, D, testing(MX1, MX2));
        assertThat(verdict(D).policy().source()).isEqualTo(CurrentPolicy.Source.HOSTED);
        w.clock.advance(Duration.ofMinutes(1));
        HostingStatus s = w.service.promote(HUB, ANA, D, null, false);
        assertThat(s.current().mode()).isEqualTo("enforce");
        assertThat(s.current().mx()).containsExactly(MX1, MX2);
        assertThat(s.current().maxAge()).isEqualTo(604_800L);
        assertThat(s.current().action()).isEqualTo("promote");
        assertThat(s.current().verdict()).isEqualTo("ready");
        assertThat(w.audited("policy-promoted")).isEqualTo(1);
        assertThat(verdict(D).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        refused(() -> w.service.promote(HUB, ANA, D, null, false), 409, "the hosted policy of " + D + " is in mode enforce");
    }

    @Test
    void aDomainThatIsNotReadyIsPromotedOnlyWithAnOverrideAndAReason() throws Exception {
        w.served(QUIET).served(D);
        refused(() -> w.service.promote(HUB, ANA, QUIET, null, false), 409, "the hub does not host a policy for " + QUIET);
        w.service.host(HUB, ANA, QUIET, testing("mx1." + QUIET));
        refused(() -> w.service.promote(HUB, ANA, QUIET, null, false), 409,
                "not promoted: the readiness verdict for " + QUIET + " is insufficient-data.");
        refused(() -> w.service.promote(HUB, ANA, QUIET, "  ", true), 400, "an override needs a reason");
        assertThat(w.versions(QUIET)).isEqualTo(1);
        assertThat(w.audited("policy-promoted")).isZero();
        HostingStatus s = w.service.promote(HUB, ANA, QUIET, "the one MX is ours and tested", true);
        assertThat(s.current().mode()).isEqualTo("enforce");
        assertThat(s.current().verdict()).isEqualTo("insufficient-data");
        assertThat(s.current().reason()).isEqualTo("override of verdict insufficient-data; the one MX is ours and tested");
        assertThat(Sql.strings(db, "SELECT detail FROM audit_log WHERE action = 'policy-promoted'")).containsExactly(s.current().reason());
    }

    @Test
    void rollingBackGoesToTestingOrToNoneServedUntilCachedPoliciesExpire() throws Exception {
        w.service.host(HUB, ANA, D, testing(MX1, MX2));
        w.service.promote(HUB, ANA, D, null, false);
        refused(() -> w.service.rollback(HUB, ANA, D, "testing", " "), 400, "a rollback needs a reason");
        refused(() -> w.service.rollback(HUB, ANA, D, "enforce", "x"), 400, "a rollback goes to testing or none, not 'enforce'");
        HostingStatus back = w.service.rollback(HUB, ANA, D, "testing", "a sender fails");
        assertThat(back.current().mode()).isEqualTo("testing");
        assertThat(back.current().mx()).containsExactly(MX1, MX2);
        assertThat(back.current().maxAge()).isEqualTo(604_800L);
        assertThat(back.current().action()).isEqualTo("rollback");
        refused(() -> w.service.rollback(HUB, ANA, D, "testing", "again"), 409, D + " is already in mode testing");

        HostingStatus none = w.service.rollback(HUB, ANA, D, "none", "withdraw MTA-STS");
        assertThat(none.current().mode()).isEqualTo("none");
        assertThat(none.current().mx()).isEmpty();
        assertThat(none.current().maxAge()).isEqualTo(604_800L);
        assertThat(none.current().serveUntil()).isEqualTo(ReadinessScenario.NOW.plusSeconds(604_800));
        assertThat(none.current().text()).isEqualTo("version: STSv1\r\nmode: none\r\nmax_age: 604800\r\n");
        assertThat(none.served()).isTrue();
        refused(() -> w.service.rollback(HUB, ANA, D, "testing", "back"), 409, "is in mode none, with no mx patterns to go back to");
        assertThat(w.audited("policy-rolled-back")).isEqualTo(2);
        assertThat(verdict(D).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        w.clock.advance(Duration.ofSeconds(604_800));
        assertThat(w.service.status(HUB, D).served()).isFalse();
        assertThat(w.service.status(HUB, D).history()).hasSize(4);
    }

    @Test
    void theStatusSaysWhetherTheNewestLiveCheckSawTheVersionsId() throws Exception {
        HostingStatus s = w.service.host(HUB, ANA, D, testing(MX1, MX2));
        w.storeCheck(HostingWorld.check(D, w.clock.instant(), HostingWorld.published("20260101v7"), List.of(MX1, MX2)));
        HostingStatus.Publication p = w.service.status(HUB, D).publication();
        assertThat(p.state()).isEqualTo("not-published");
        assertThat(p.message()).isEqualTo("not yet published (DNS has id=20260101v7)");
        w.clock.advance(Duration.ofMinutes(1));
        w.storeCheck(HostingWorld.check(D, w.clock.instant(), HostingWorld.published(s.current().id()), List.of(MX1, MX2)));
        assertThat(w.service.status(HUB, D).publication().message()).isEqualTo("published");
    }

    @Test
    void theHostedPolicyIsCurrentSinceItsModeAndMxBeganAndNoneIsNotApplicable() throws Exception {
        w.clock.now = ReadinessScenario.NOW.minus(Duration.ofDays(3));
        w.service.host(HUB, ANA, D, testing(MX1, MX2));
        w.clock.now = ReadinessScenario.NOW.minus(Duration.ofDays(1));
        w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(MX1, MX2), 1_209_600L, null, false));
        Readiness r = verdict(D);
        assertThat(r.policy().source()).isEqualTo(CurrentPolicy.Source.HOSTED);
        assertThat(r.policy().since()).isEqualTo(LocalDate.of(2026, 5, 29));
        assertThat(r.policy().maxAge()).isEqualTo(1_209_600L);
        assertThat(r.verdict()).isEqualTo(Verdict.READY);
    }

    @Test
    void anImportIsRefusedWhenTheDomainIsHostedOrTheLiveCheckFetchedNoPolicy() throws Exception {
        w.checker = d -> HostingWorld.check(d, w.clock.instant(), new org.tlsrpthub.hub.checks.MtaStsState("valid", "v=STSv1; id=1;", "1", "fetch-error",
                null, null, null, null, null), List.of(), new Finding("sts-policy-fetch-error", FindingSeverity.ERROR, "mta-sts." + d,
                "The policy URL answered 404 Not Found from 192.0.2.1; senders accept only 200.", "Publish it."));
        refused(() -> w.service.importExisting(HUB, ANA, D), 409, "could not import the MTA-STS policy of " + D
                + ": The policy URL answered 404 Not Found from 192.0.2.1; senders accept only 200.");
        assertThat(w.versions(D)).isZero();
        w.service.host(HUB, ANA, D, testing(MX1, MX2));
        refused(() -> w.service.importExisting(HUB, ANA, D), 409, D + " already has hosted versions (newest: version 1");
        assertThat(w.audited("policy-imported")).isZero();
    }
}
