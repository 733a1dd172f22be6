package org.tlsrpthub.hub.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsrpthub.hub.ownership.OwnershipTestData.assignments;
import static org.tlsrpthub.hub.ownership.OwnershipTestData.hubAdmin;
import static org.tlsrpthub.hub.ownership.OwnershipTestData.member;
import static org.tlsrpthub.hub.ownership.OwnershipTestData.organisation;
import static org.tlsrpthub.hub.ownership.OwnershipTestData.report;
import static org.tlsrpthub.hub.ownership.OwnershipTestData.scope;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Sql;

/** Domain assignment, owners and recipients, run unchanged on each database. */
public abstract class OwnershipContract {
    protected Database db;
    private IngestService ingest;
    private AssignmentService assignment;
    private OwnersService owners;

    protected abstract String emptyDatabaseUrl() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        assignment = new AssignmentService(db, Clock.systemUTC());
        owners = new OwnersService(db, Clock.systemUTC());
        organisation(db, "alpha");
        organisation(db, "beta");
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void anExactRuleBeatsTheLongestSuffixWhichBeatsAShorterOneAndTheCatchAll() throws Exception {
        Scope root = hubAdmin();
        assignment.addRule(root, Actor.cli(), "*.example.com", "alpha", false);
        assignment.addRule(root, Actor.cli(), "*.eu.example.com", "beta", false);
        assignment.addRule(root, Actor.cli(), "special.eu.example.com", "alpha", false);

        report(ingest, "mail.example.com", "a.eu.example.com", "special.eu.example.com", "example.com", "other.test");

        assertThat(assignments(db)).containsExactly(
                List.of("a.eu.example.com", "beta"),
                List.of("example.com", "default"), // "*.example.com" is its subdomains, not itself: "*" decides
                List.of("mail.example.com", "alpha"),
                List.of("other.test", "default"),
                List.of("special.eu.example.com", "alpha"));
    }

    @Test
    void aDomainIsAssignedOnceWhenItIsFirstSeenAndIngestNeverMovesItAgain() throws Exception {
        Scope root = hubAdmin();
        assignment.addRule(root, Actor.cli(), "*.example.com", "alpha", false);
        report(ingest, "a.example.com");
        assignment.assign(root, Actor.cli(), "a.example.com", "beta");
        assignment.addRule(root, Actor.cli(), "a.example.com", "alpha", false);

        report(ingest, "a.example.com");
        // a fresh process (empty cache) does not move it either: the first assignment stands
        report(new IngestService(db, new CoreInputDecoder(), Clock.systemUTC()), "a.example.com");

        assertThat(assignments(db)).containsExactly(List.of("a.example.com", "beta"));
        assertThat(Sql.rows(db, "SELECT assigned_by FROM domain_org")).containsExactly(java.util.Arrays.asList("root"));
    }

    @Test
    void aWriterLooksADomainUpOnlyTheFirstTimeItMeetsIt() throws Exception {
        report(ingest, "seen.test");
        // behind the writer's back: were it to look again, it would assign the domain again
        Sql.update(db, "DELETE FROM domain_org WHERE domain = 'seen.test'");
        report(ingest, "seen.test");
        assertThat(assignments(db)).isEmpty();

        report(new IngestService(db, new CoreInputDecoder(), Clock.systemUTC()), "seen.test");
        assertThat(assignments(db)).containsExactly(List.of("seen.test", "default"));
    }

    @Test
    void concurrentWritersAssignEachNewDomainExactlyOnceToItsOrganisation() throws Exception {
        Scope root = hubAdmin();
        assignment.removeRule(root, "*");
        assignment.addRule(root, Actor.cli(), "*.alpha.test", "alpha", false);
        assignment.addRule(root, Actor.cli(), "*.beta.test", "beta", false);
        List<IngestService> writers = List.of(ingest, new IngestService(db, new CoreInputDecoder(), Clock.systemUTC()),
                new IngestService(db, new CoreInputDecoder(), Clock.systemUTC()));
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            IngestService writer = writers.get(w);
            for (int i = 0; i < 20; i++) {
                int n = i;
                // every writer meets the same new domains, in a different mix per report
                done.add(pool.submit(() -> {
                    report(writer, "d" + (n % 5) + ".alpha.test", "d" + (n % 4) + ".beta.test", "x" + (n % 3) + ".nobody.test");
                    return null;
                }));
            }
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();

        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) expected.add(List.of("d" + i + ".alpha.test", "alpha"));
        for (int i = 0; i < 4; i++) expected.add(List.of("d" + i + ".beta.test", "beta"));
        assertThat(assignments(db)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(60);
        assertThat(assignment.unassigned(root)).extracting(UnassignedDomain::domain)
                .containsExactly("x0.nobody.test", "x1.nobody.test", "x2.nobody.test");
    }

    @Test
    void anUnassignedDomainIsStoredCountedAndListedUntilAssigned() throws Exception {
        Scope root = hubAdmin();
        assignment.removeRule(root, "*");
        report(ingest, "lost.test");
        report(ingest, "lost.test", "also.test");

        assertThat(Sql.count(db, "SELECT count(*) FROM report")).isEqualTo(2);
        assertThat(assignment.unassigned(root)).satisfiesExactly(
                u -> assertThat(u).isEqualTo(new UnassignedDomain("also.test", 1, OwnershipTestData.DAY.plusSeconds(86_399))),
                u -> assertThat(u).isEqualTo(new UnassignedDomain("lost.test", 2, OwnershipTestData.DAY.plusSeconds(86_399))));

        assertThat(assignment.assign(root, Actor.cli(), "Lost.Test.", "alpha")).isNull();
        assertThat(assignment.unassigned(root)).extracting(UnassignedDomain::domain).containsExactly("also.test");
        assertThatThrownBy(() -> assignment.assign(root, Actor.cli(), "never-seen.test", "alpha"))
                .isInstanceOf(OwnershipException.class).hasMessageContaining("never-seen.test");
        assertThatThrownBy(() -> assignment.assign(root, Actor.cli(), "also.test", "gamma"))
                .isInstanceOf(OwnershipException.class).hasMessageContaining("no organisation 'gamma'");
    }

    @Test
    void aNewRuleCanBeAppliedToTheDomainsWaitingForIt() throws Exception {
        Scope root = hubAdmin();
        assignment.removeRule(root, "*");
        report(ingest, "a.shop.test", "b.shop.test", "c.other.test");

        assertThat(assignment.addRule(root, Actor.cli(), "*.shop.test", "beta", true)).isEqualTo(2);
        assertThat(assignment.unassigned(root)).extracting(UnassignedDomain::domain).containsExactly("c.other.test");
        assignment.addRule(root, Actor.cli(), "*", "alpha", false);
        assertThat(assignment.applyRules(root, Actor.cli())).isEqualTo(1);
        assertThat(assignments(db)).containsExactly(List.of("a.shop.test", "beta"), List.of("b.shop.test", "beta"),
                List.of("c.other.test", "alpha"));
    }

    @Test
    void rulesAndAssignmentAreForHubAdminsOnlyAndPatternsAreChecked() throws Exception {
        Scope orgAdmin = scope("ann", "alpha", Role.ADMIN);
        assertThatThrownBy(() -> assignment.rules(orgAdmin)).isInstanceOf(OwnershipException.class)
                .satisfies(e -> assertThat(((OwnershipException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> assignment.unassigned(orgAdmin)).isInstanceOf(OwnershipException.class);
        assertThatThrownBy(() -> assignment.addRule(hubAdmin(), Actor.cli(), "*.bad_name!", "alpha", false))
                .isInstanceOf(OwnershipException.class).hasMessageContaining("*.bad_name!");
        assignment.addRule(hubAdmin(), Actor.cli(), "*.Example.COM.", "alpha", false);
        assertThat(assignment.rules(hubAdmin())).extracting(DomainRule::pattern, DomainRule::org)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("*", "default"), org.assertj.core.groups.Tuple.tuple("*.example.com", "alpha"));
    }

    @Test
    void recipientsAreTheOwnersInTheOrderNamedThenTheOrganisationsRoute() throws Exception {
        member(db, "alpha", "ann", Role.ADMIN);
        member(db, "alpha", "bob", Role.VIEWER);
        member(db, "alpha", "noemail", Role.VIEWER);
        member(db, "beta", "eve", Role.ADMIN);
        Scope admin = scope("ann", "alpha", Role.ADMIN);
        assignment.addRule(hubAdmin(), Actor.cli(), "*", "alpha", false);
        report(ingest, "shop.test");
        AccessService access = new AccessService(db, Clock.systemUTC());
        access.setEmail("bob", "Bob@Mail.Example");
        access.setEmail("ann", "ann@mail.example");

        assertThat(owners.addOwner(admin, Actor.cli(), "shop.test", Owner.Kind.EMAIL, "team@mail.example")).isTrue();
        assertThat(owners.addOwner(admin, Actor.cli(), "shop.test", Owner.Kind.USER, "bob")).isTrue();
        assertThat(owners.addOwner(admin, Actor.cli(), "shop.test", Owner.Kind.USER, "noemail")).isTrue();
        assertThat(owners.addOwner(admin, Actor.cli(), "shop.test", Owner.Kind.USER, "bob")).isFalse();
        owners.setAlertRoute(admin, "alpha", "soc@mail.example");

        assertThat(owners.owners(scope("bob", "alpha", Role.VIEWER), "shop.test")).containsExactly(
                new Owner(Owner.Kind.EMAIL, "team@mail.example", "team@mail.example"),
                new Owner(Owner.Kind.USER, "bob", "Bob@mail.example"),
                new Owner(Owner.Kind.USER, "noemail", null));
        assertThat(owners.recipients("shop.test")).containsExactly("team@mail.example", "Bob@mail.example", "soc@mail.example");

        assertThatThrownBy(() -> owners.addOwner(admin, Actor.cli(), "shop.test", Owner.Kind.USER, "eve"))
                .isInstanceOf(OwnershipException.class).hasMessageContaining("not a member of organisation alpha");
        assertThatThrownBy(() -> owners.addOwner(admin, Actor.cli(), "shop.test", Owner.Kind.EMAIL, "not an address"))
                .isInstanceOf(OwnershipException.class).hasMessageContaining("not an email address");
        // a user who leaves the organisation no longer owns its domains
        Sql.update(db, "DELETE FROM org_member WHERE user_name = 'bob'");
        assertThat(owners.recipients("shop.test")).containsExactly("team@mail.example", "soc@mail.example");
        assertThat(owners.removeOwner(admin, Actor.cli(), "shop.test", Owner.Kind.EMAIL, "team@MAIL.example.")).isTrue();
        assertThat(owners.recipients("shop.test")).containsExactly("soc@mail.example");
    }

    @Test
    void anotherOrganisationsDomainIsNotFoundAndChangesNeedTheAdminRole() throws Exception {
        member(db, "alpha", "ann", Role.ADMIN);
        member(db, "alpha", "val", Role.VIEWER);
        member(db, "beta", "eve", Role.ADMIN);
        assignment.addRule(hubAdmin(), Actor.cli(), "*", "alpha", false);
        report(ingest, "shop.test");

        assertThatThrownBy(() -> owners.owners(scope("eve", "beta", Role.ADMIN), "shop.test"))
                .isInstanceOf(OwnershipException.class).satisfies(e -> assertThat(((OwnershipException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> owners.recipients(scope("eve", "beta", Role.ADMIN), "shop.test"))
                .isInstanceOf(OwnershipException.class).satisfies(e -> assertThat(((OwnershipException) e).status()).isEqualTo(404));
        assertThatThrownBy(() -> owners.addOwner(scope("val", "alpha", Role.VIEWER), Actor.cli(), "shop.test", Owner.Kind.USER, "val"))
                .isInstanceOf(OwnershipException.class).satisfies(e -> assertThat(((OwnershipException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> owners.setAlertRoute(scope("eve", "beta", Role.ADMIN), "alpha", "x@mail.example"))
                .isInstanceOf(OwnershipException.class).satisfies(e -> assertThat(((OwnershipException) e).status()).isEqualTo(404));
    }

    @Test
    void aMovedDomainLosesItsOwners() throws Exception {
        member(db, "alpha", "ann", Role.ADMIN);
        assignment.addRule(hubAdmin(), Actor.cli(), "*", "alpha", false);
        report(ingest, "shop.test");
        owners.addOwner(scope("ann", "alpha", Role.ADMIN), Actor.cli(), "shop.test", Owner.Kind.EMAIL, "team@mail.example");

        assertThat(assignment.assign(hubAdmin(), Actor.cli(), "shop.test", "beta")).isEqualTo("alpha");

        assertThat(owners.owners(Scope.wholeHub(), "shop.test")).isEmpty();
        assertThat(owners.recipients("shop.test")).isEmpty();
        // the rule's assignment at ingest is the hub's own doing; what people did is in the audit log
        assertThat(Sql.rows(db, "SELECT action, org, target, before, after FROM audit_log WHERE target = 'shop.test' ORDER BY id")).containsExactly(
                java.util.Arrays.asList("owner-added", "alpha", "shop.test", null, "{\"email\":\"team@mail.example\"}"),
                java.util.Arrays.asList("domain-assigned", "beta", "shop.test", "{\"org\":\"alpha\"}", "{\"org\":\"beta\"}"));
    }

    @Test
    void myDomainsAndUnownedDomainsAreTheOrganisationsOwn() throws Exception {
        member(db, "alpha", "ann", Role.ADMIN);
        member(db, "beta", "ann", Role.ADMIN);
        assignment.addRule(hubAdmin(), Actor.cli(), "*.alpha.test", "alpha", false);
        assignment.addRule(hubAdmin(), Actor.cli(), "*.beta.test", "beta", false);
        report(ingest, "a.alpha.test", "b.alpha.test", "c.alpha.test", "a.beta.test", "b.beta.test");
        Scope inAlpha = scope("ann", "alpha", Role.ADMIN);
        Scope inBeta = scope("ann", "beta", Role.ADMIN);
        owners.addOwner(inAlpha, Actor.cli(), "a.alpha.test", Owner.Kind.USER, "ann");
        owners.addOwner(inAlpha, Actor.cli(), "b.alpha.test", Owner.Kind.EMAIL, "team@mail.example");
        owners.addOwner(inBeta, Actor.cli(), "a.beta.test", Owner.Kind.USER, "ann");

        assertThat(owners.domains(inAlpha, OwnerFilter.MINE, "ann")).containsExactly("a.alpha.test");
        assertThat(owners.domains(inAlpha, OwnerFilter.NONE, "ann")).containsExactly("c.alpha.test");
        assertThat(owners.domains(inBeta, OwnerFilter.NONE, "ann")).containsExactly("b.beta.test");
        assertThat(owners.domains(Scope.wholeHub(), OwnerFilter.MINE, "ann")).containsExactly("a.alpha.test", "a.beta.test");
        assertThat(owners.byDomain(inAlpha)).extracting(OwnersService.DomainOwners::domain)
                .containsExactly("a.alpha.test", "b.alpha.test", "c.alpha.test");
    }
}
