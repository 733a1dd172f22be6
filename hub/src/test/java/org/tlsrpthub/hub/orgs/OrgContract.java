package org.tlsrpthub.hub.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.Sql;

/** Organisations, members and hub admins on a real database; run against SQLite and PostgreSQL. */
abstract class OrgContract {
    protected abstract String emptyDatabaseUrl();

    static final Scope HUB = Scope.wholeHub();
    Database db;
    OrgService orgs;
    AccessService access;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(emptyDatabaseUrl());
        orgs = new OrgService(db, Clock.systemUTC());
        access = new AccessService(db, Clock.systemUTC());
        access.addUser("root", "root password".toCharArray(), true);
        access.addUser("ann", "ann password".toCharArray(), false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String text) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OrgException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(text);
        });
    }

    @Test
    void hubAdminsCreateRenameAndDeleteOrganisationsWithCheckedSlugs() throws Exception {
        orgs.create(HUB, "team-a", "Team A");
        assertThat(orgs.organisations(HUB)).extracting(Organisation::slug).containsExactly("default", "team-a");
        assertThat(orgs.organisations(HUB).get(1).displayName()).isEqualTo("Team A");
        refused(() -> orgs.create(HUB, "team-a", null), 409, "exists already");
        for (String bad : new String[] {"Team", "", "a_b", "x".repeat(41), "a b", "é"}) {
            refused(() -> orgs.create(HUB, bad, null), 400, "'" + bad + "'");
        }
        refused(() -> orgs.create(HUB, "ctl", "bad\u0007name"), 400, "control characters");
        orgs.rename(HUB, "team-a", "  Team Alpha ");
        assertThat(orgs.organisations(HUB).get(1).displayName()).isEqualTo("Team Alpha");
        refused(() -> orgs.rename(HUB, "nope", "x"), 404, "no organisation 'nope'");

        Scope orgAdmin = new Scope("ann", "default", Role.ADMIN, false);
        refused(() -> orgs.create(orgAdmin, "mine", null), 403, "hub admin");
        refused(() -> orgs.delete(orgAdmin, "team-a"), 403, "hub admin");

        Sql.update(db, "INSERT INTO domain_org (domain, org, assigned_at) VALUES ('a.test', 'team-a', 0)");
        refused(() -> orgs.delete(HUB, "team-a"), 409, "owns 1 domain");
        Sql.update(db, "DELETE FROM domain_org WHERE domain = 'a.test'");
        orgs.addMember(HUB, "team-a", "ann", Role.VIEWER);
        var token = access.createToken("ann", "t", "team-a", null);
        orgs.delete(HUB, "team-a");
        assertThat(orgs.exists("team-a")).isFalse();
        assertThat(orgs.memberships("ann")).extracting(Member::org).containsExactly("default");
        assertThat(access.token(token.secret())).as("its tokens are revoked").isEmpty();
        Sql.update(db, "DELETE FROM domain_org");
        refused(() -> orgs.delete(HUB, "default"), 409, "last organisation");
    }

    @Test
    void orgAdminsManageTheirOwnOrganisationsMembersOnly() throws Exception {
        orgs.create(HUB, "other", null);
        access.addUser("bob", "bob password".toCharArray(), false, null, null);
        Scope annAdmin = new Scope("ann", "default", Role.ADMIN, false);
        orgs.setRole(HUB, "default", "ann", Role.ADMIN);

        orgs.addMember(annAdmin, "default", "bob", Role.VIEWER);
        assertThat(orgs.members(annAdmin, "default")).extracting(Member::user, Member::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", Role.ADMIN), org.assertj.core.groups.Tuple.tuple("bob", Role.VIEWER),
                        org.assertj.core.groups.Tuple.tuple("root", Role.ADMIN));
        refused(() -> orgs.addMember(annAdmin, "default", "bob", Role.ADMIN), 409, "member of 'default' already");
        refused(() -> orgs.addMember(annAdmin, "default", "ghost", Role.ADMIN), 404, "no user 'ghost'");
        orgs.setRole(annAdmin, "default", "bob", Role.ANALYST);
        assertThat(orgs.memberships("bob")).extracting(Member::role).containsExactly(Role.ANALYST);

        refused(() -> orgs.addMember(annAdmin, "other", "bob", Role.VIEWER), 403, "admin of 'other'");
        refused(() -> orgs.members(annAdmin, "other"), 403, "admin of 'other'");
        refused(() -> orgs.setRole(new Scope("bob", "default", Role.ANALYST, false), "default", "bob", Role.ADMIN), 403, "admin of 'default'");
        orgs.addMember(HUB, "other", "bob", Role.ADMIN);
        assertThat(orgs.memberships("bob")).extracting(Member::org, Member::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default", Role.ANALYST), org.assertj.core.groups.Tuple.tuple("other", Role.ADMIN));

        orgs.removeMember(annAdmin, "default", "bob");
        refused(() -> orgs.removeMember(annAdmin, "default", "bob"), 404, "not a member of 'default'");
        refused(() -> orgs.setRole(annAdmin, "default", "bob", Role.VIEWER), 404, "not a member");
        assertThat(orgs.memberships("bob")).extracting(Member::org).containsExactly("other");
    }

    @Test
    void theLastHubAdminCannotBeWithdrawn() throws Exception {
        assertThat(orgs.isHubAdmin("root")).isTrue();
        refused(() -> orgs.setHubAdmin(HUB, "root", false), 409, "last hub admin");
        refused(() -> orgs.setHubAdmin(new Scope("ann", "default", Role.ADMIN, false), "ann", true), 403, "hub admin");
        refused(() -> orgs.setHubAdmin(HUB, "ghost", true), 404, "no user 'ghost'");
        orgs.setHubAdmin(HUB, "ann", true);
        orgs.setHubAdmin(HUB, "root", false);
        assertThat(orgs.isHubAdmin("root")).isFalse();
        refused(() -> orgs.setHubAdmin(HUB, "ann", false), 409, "last hub admin");
    }

    @Test
    void tokensAreCappedByTheirCreatorsRole() throws Exception {
        assertThat(orgs.memberships("ann")).extracting(Member::role).containsExactly(Role.ANALYST);
        assertThatThrownBy(() -> access.createToken("ann", "x", "default", Role.ADMIN)).hasMessageContaining("analyst in 'default' and cannot hand out admin");
        assertThatThrownBy(() -> access.createToken("ann", "x", "nope", null)).hasMessageContaining("no organisation 'nope'");
        orgs.create(HUB, "other", null);
        assertThatThrownBy(() -> access.createToken("ann", "x", "other", null)).hasMessageContaining("not a member of 'other'");
        var viewer = access.createToken("ann", "grafana", "default", Role.VIEWER);
        assertThat(access.token(viewer.secret())).hasValueSatisfying(g -> {
            assertThat(g.org()).isEqualTo("default");
            assertThat(g.role()).isEqualTo(Role.VIEWER);
        });
        assertThat(access.createToken("root", "anywhere", "other", Role.ADMIN)).as("a hub admin may act anywhere").isNotNull();
    }

    @Test
    void organisationAndMembershipChangesGoToTheAuditLogWithWhoAndBeforeAndAfter() throws Exception {
        OrgService byRoot = orgs.by(Actor.user("root", "192.0.2.7", null));
        byRoot.create(HUB, "team-a", "Team A");
        byRoot.addMember(HUB, "team-a", "ann", Role.VIEWER);
        byRoot.setRole(HUB, "team-a", "ann", Role.ADMIN);
        byRoot.removeMember(HUB, "team-a", "ann");
        byRoot.setHubAdmin(HUB, "ann", true);
        assertThat(Sql.rows(db, "SELECT actor, address, action, org, target, before, after FROM audit_log ORDER BY id")
                .stream().map(r -> r.stream().map(String::valueOf).toList()).filter(r -> !r.get(2).equals("user-added")).toList())
                .containsExactly(
                        java.util.List.of("root", "192.0.2.7", "org-created", "null", "team-a", "null", "{\"display_name\":\"Team A\"}"),
                        java.util.List.of("root", "192.0.2.7", "member-added", "team-a", "ann", "null", "{\"role\":\"viewer\"}"),
                        java.util.List.of("root", "192.0.2.7", "role-changed", "team-a", "ann", "{\"role\":\"viewer\"}", "{\"role\":\"admin\"}"),
                        java.util.List.of("root", "192.0.2.7", "member-removed", "team-a", "ann", "{\"role\":\"admin\"}", "null"),
                        java.util.List.of("root", "192.0.2.7", "role-changed", "null", "ann", "{\"hub_admin\":false}", "{\"hub_admin\":true}"));
    }
}
