package org.tlsrpthub.hub.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.orgs.Role;

/** The claim-to-role mapping and the shapes of claims it reads. */
class RoleMappingTest {
    @Test
    void theHighestRoleAnyMatchingValueGivesWinsPerOrganisation() {
        RoleMapping m = RoleMapping.parse("tlsrpt-acme-admins=acme:admin, tlsrpt-acme-staff=acme:viewer,"
                + " /ops/team=default:analyst, a=b=beta:viewer");
        assertThat(m.rolesFor(List.of("tlsrpt-acme-staff", "tlsrpt-acme-admins", "/ops/team")))
                .containsExactly(Map.entry("acme", Role.ADMIN), Map.entry("default", Role.ANALYST));
        assertThat(m.rolesFor(List.of("tlsrpt-acme-staff"))).containsExactly(Map.entry("acme", Role.VIEWER));
        assertThat(m.rolesFor(List.of("a=b"))).as("the last '=' separates").containsExactly(Map.entry("beta", Role.VIEWER));
        assertThat(m.rolesFor(List.of("TLSRPT-ACME-ADMINS", "other"))).as("values match exactly").isEmpty();
    }

    @Test
    void aWrongEntryIsNamedWithWhatIsWrong() {
        assertThatThrownBy(() -> RoleMapping.parse("x=acme:owner")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("entry 'x=acme:owner'").hasMessageContaining("unknown role 'owner'");
        assertThatThrownBy(() -> RoleMapping.parse("x=Acme Corp:admin")).hasMessageContaining("organisation 'Acme Corp'");
        assertThatThrownBy(() -> RoleMapping.parse("x:admin")).hasMessageContaining("is not value=organisation:role");
        assertThatThrownBy(() -> RoleMapping.parse(" , ")).hasMessageContaining("has no entry");
    }

    @Test
    void claimsAreReadAsListsStringsObjectKeysOrNestedPaths() {
        Map<String, Object> claims = Map.of(
                "groups", List.of("a", "b", 7),
                "role", "single",
                "urn:zitadel:iam:org:project:roles", Map.of("tlsrpt-admin", Map.of("123", "acme.example")),
                "realm_access", Map.of("roles", List.of("kc-admin")));
        assertThat(ClaimValues.of(claims, "groups")).containsExactly("a", "b");
        assertThat(ClaimValues.of(claims, "role")).containsExactly("single");
        assertThat(ClaimValues.of(claims, "urn:zitadel:iam:org:project:roles")).containsExactly("tlsrpt-admin");
        assertThat(ClaimValues.of(claims, "realm_access.roles")).containsExactly("kc-admin");
        assertThat(ClaimValues.of(claims, "missing")).isEmpty();
        assertThat(ClaimValues.of(claims, "groups.deeper")).isEmpty();
    }

    @Test
    void scopesAlwaysIncludeOpenId() {
        assertThat(OidcSettings.scopes("profile, email groups")).containsExactly("openid", "profile", "email", "groups");
        assertThat(OidcSettings.scopes("email openid")).containsExactly("openid", "email");
    }
}
