package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsrpthub.hub.hosting.HostingWorld.ANA;
import static org.tlsrpthub.hub.hosting.HostingWorld.D;
import static org.tlsrpthub.hub.hosting.HostingWorld.testing;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/** Hosting and editing a policy, and every refusal leaving the store as it was; run on SQLite and PostgreSQL. */
abstract class HostingServiceContract extends HostingStoreTest {
    static final String MX1 = "mx1." + D, MX2 = "mx2." + D;
    static final Scope HUB = Scope.wholeHub();


    @Test
    void aFirstVersionThenAnEditEachGetANewIdTheirTxtRecordAndAnAuditEntry() throws Exception {
        HostingStatus first = w.service.host(HUB, ANA, D, testing(MX1, MX2));
        assertThat(first.warnings()).singleElement().asString().contains("No live check of " + D + " is stored");
        assertThat(first.current().version()).isEqualTo(1);
        assertThat(first.current().action()).isEqualTo("create");
        assertThat(first.current().actor()).isEqualTo("ana");
        assertThat(first.current().text()).isEqualTo("version: STSv1\r\nmode: testing\r\nmx: " + MX1 + "\r\nmx: " + MX2 + "\r\nmax_age: 604800\r\n");
        assertThat(first.txtName()).isEqualTo("_mta-sts." + D);
        assertThat(first.txtRecord()).isEqualTo("v=STSv1; id=" + first.current().id() + ";");
        assertThat(first.publication().message()).isEqualTo("no live check yet");
        assertThat(first.served()).isTrue();

        w.clock.advance(java.time.Duration.ofMinutes(5));
        HostingStatus edit = w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(MX1, MX2), 1_209_600L, "longer cache", false));
        assertThat(edit.current().version()).isEqualTo(2);
        assertThat(edit.current().action()).isEqualTo("edit");
        assertThat(edit.current().reason()).isEqualTo("longer cache");
        assertThat(edit.current().id()).isNotEqualTo(first.current().id());
        assertThat(edit.history()).extracting(HostingStatus.Version::version).containsExactly(2, 1);
        assertThat(w.audited("policy-hosted")).isEqualTo(1);
        assertThat(w.audited("policy-edited")).isEqualTo(1);
        assertThat(org.tlsrpthub.hub.testsupport.Sql.strings(db, "SELECT detail FROM audit_log WHERE action = 'policy-edited'"))
                .containsExactly("longer cache");
    }

    @Test
    void anEditThatChangesNothingIsRefused() throws Exception {
        w.service.host(HUB, ANA, D, testing(MX1, MX2));
        refused(() -> w.service.host(HUB, ANA, D, testing(MX2, MX1.toUpperCase())), 409, "no change");
    }

    @Test
    void badInputIsRefusedWithTheValueNamedAndNothingChanges() throws Exception {
        w.service.host(HUB, ANA, D, testing(MX1, MX2));
        refused(() -> w.service.host(HUB, ANA, D, testing(MX1, "mx..bad")), 400, "invalid mx pattern: 'mx..bad' is not a host name");
        refused(() -> w.service.host(HUB, ANA, D, testing("mx*.example.com")), 400, "'*' is allowed only as the whole leftmost label");
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(MX1), 31_557_601L, null, false)), 400,
                "max_age 31557601 is out of range: RFC 8461 §3.2 allows 0 to 31557600 seconds");
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(MX1), -1L, null, false)), 400, "max_age -1 is out of range");
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(MX1), 3_600L, null, false)), 400,
                "max_age 3600 is below 86400 seconds (one day) for mode testing: RFC 8461 §3.2 advises weeks or more");
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("none", List.of(MX1), 86_400L, null, false)), 400, "mode none takes no mx patterns");
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(), 86_400L, null, false)), 400, "needs at least one mx pattern");
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("Enforce", List.of(MX1), 86_400L, null, false)), 400,
                "mode 'Enforce' is not one of testing, enforce, none");
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(MX1), null, null, false)), 400, "give max_age");
        refused(() -> w.service.host(HUB, ANA, D, testing(MX1, MX1)), 400, "mx pattern '" + MX1 + "' is given twice");
        refused(() -> w.service.host(HUB, ANA, "unknown.example", testing(MX1)), 404, "no domain unknown.example");
        refused(() -> w.service.host(HUB, ANA, "not a domain", testing(MX1)), 400, "'not a domain' is not a domain name");
        assertThat(w.versions(D)).isEqualTo(1);
        assertThat(w.audited("policy-edited")).isZero();
    }

    @Test
    void anotherOrganisationsDomainIsNotFoundAndAViewerMayNotChangeOne() throws Exception {
        w.inOrg(D, "org-a");
        Scope otherAdmin = new Scope("bob", "org-b", Role.ADMIN, false);
        w.inOrg("b.example", "org-b");
        refused(() -> w.service.host(otherAdmin, ANA, D, testing(MX1)), 404, "no domain " + D);
        refused(() -> w.service.status(otherAdmin, D), 404, "no domain " + D);
        refused(() -> w.service.promote(otherAdmin, ANA, D, "x", true), 404, "no domain " + D);
        refused(() -> w.service.rollback(otherAdmin, ANA, D, "none", "x"), 404, "no domain " + D);
        refused(() -> w.service.importExisting(otherAdmin, ANA, D), 404, "no domain " + D);
        Scope viewer = new Scope("vic", "org-a", Role.VIEWER, false);
        refused(() -> w.service.host(viewer, ANA, D, testing(MX1)), 403, "needs the role admin");
        assertThat(w.versions(D)).isZero();
        Scope admin = new Scope("ann", "org-a", Role.ADMIN, false);
        w.service.host(admin, ANA, D, testing(MX1, MX2));
        assertThat(w.service.status(viewer, D).hosted()).isTrue();
        assertThat(w.service.list(viewer)).extracting(HostingStatus.Listed::domain).containsExactly(D);
        assertThat(w.service.list(otherAdmin)).isEmpty();
        assertThat(org.tlsrpthub.hub.testsupport.Sql.strings(db, "SELECT org FROM audit_log WHERE action = 'policy-hosted'")).containsExactly("org-a");
    }

    @Test
    void aDomainOutsideTheServedDomainsIsRefused() throws Exception {
        w.served("other.example");
        refused(() -> w.service.host(HUB, ANA, D, testing(MX1)), 409, "the hub does not serve " + D);
        assertThat(w.versions(D)).isZero();
    }

    @Test
    void theMxPatternsAreCheckedAgainstTheNewestLiveCheck() throws Exception {
        w.storeCheck(HostingWorld.check(D, w.clock.instant(), null, List.of(MX1, MX2)));
        refused(() -> w.service.host(HUB, ANA, D, testing(MX1)), 400, "MX host " + MX2 + " matches no mx pattern");
        refused(() -> w.service.host(HUB, ANA, D, testing(MX1, MX2, "mx3." + D)), 400, "mx pattern mx3." + D + " matches no MX host of " + D);
        assertThat(w.versions(D)).isZero();
        HostingStatus wildcard = w.service.host(HUB, ANA, D, testing("*." + D));
        assertThat(wildcard.warnings()).isEmpty();
        HostingStatus allowed = w.service.host(HUB, ANA, D, new PolicyRequest("testing", List.of(MX1), 604_800L, "mx2 leaves", true));
        assertThat(allowed.current().reason()).isEqualTo("mx2 leaves; mx mismatch allowed: MX host " + MX2
                + " matches no mx pattern: senders enforcing the policy would refuse to deliver to it");
    }

    @Test
    void enforceIsReachedByPromotingNotByEditing() throws Exception {
        refused(() -> w.service.host(HUB, ANA, D, new PolicyRequest("enforce", List.of(MX1, MX2), 604_800L, null, false)), 409,
                "going to enforce is a promote");
        assertThat(w.versions(D)).isZero();
    }

    static void refused(ThrowingCallable call, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HostingException.class, e -> {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
