package org.tlsrpthub.hub.auth;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tlsrpthub.hub.orgs.Member;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Organisation;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;

/**
 * Works out a request's scope from the database on every request, never from what the session or
 * token remembered: a role change or a removal takes effect on the user's next request.
 */
final class Scopes {
    /** Where a browser session stands: its scope (null: in no organisation) and the organisations it may switch to. */
    record Standing(Scope scope, boolean hubAdmin, List<Member> choices) {}

    private final OrgService orgs;

    Scopes(OrgService orgs) {
        this.orgs = orgs;
    }

    /**
     * A session looks at the organisation it chose, else the user's first by slug. A hub admin may
     * enter any organisation, as its admin, member or not.
     */
    Standing forSession(Session session) throws SQLException {
        String user = session.user();
        boolean hubAdmin = orgs.isHubAdmin(user);
        List<Member> choices = hubAdmin ? allAsAdmin(user) : orgs.memberships(user);
        Optional<Member> here = choices.stream().filter(m -> m.org().equals(session.org())).findFirst()
                .or(() -> choices.stream().findFirst());
        Scope scope = here.map(m -> new Scope(user, m.org(), m.role(), hubAdmin)).orElse(null);
        return new Standing(scope, hubAdmin, choices);
    }

    /**
     * A token acts in its organisation with the lesser of its role and its user's role there now;
     * empty when the user no longer belongs there. A token capped to a role is not a hub admin's.
     */
    Optional<Scope> forToken(AccessService.TokenGrant grant) throws SQLException {
        boolean hubAdmin = orgs.isHubAdmin(grant.user());
        Optional<Role> held = hubAdmin && orgs.exists(grant.org()) ? Optional.of(Role.ADMIN)
                : orgs.memberships(grant.user()).stream().filter(m -> m.org().equals(grant.org())).map(Member::role).findFirst();
        return held.map(r -> {
            Role effective = grant.role() == null || r.compareTo(grant.role()) < 0 ? r : grant.role();
            return new Scope(grant.user(), grant.org(), effective, hubAdmin && grant.role() == null);
        });
    }

    private List<Member> allAsAdmin(String user) throws SQLException {
        return orgs.organisations(Scope.wholeHub()).stream()
                .map((Organisation o) -> new Member(o.slug(), o.displayName(), user, Role.ADMIN)).toList();
    }
}
