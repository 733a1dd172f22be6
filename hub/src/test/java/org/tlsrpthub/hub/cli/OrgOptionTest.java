package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.TwoOrgs;

/** {@code --org}: the CLI shows one organisation's view, filtered as the pages and API are. */
class OrgOptionTest {
    @TempDir
    Path dir;

    @BeforeEach
    void fill() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            TwoOrgs.load(db);
        }
    }

    private CapturedCli summary(String... more) {
        return CapturedCli.run(with(new String[] {"summary", "--data-dir", dir.toString(), "--from", "2026-02-01", "--to",
                "2026-02-19", "--json"}, more));
    }

    @Test
    void anOrganisationSeesItsDomainAndNotAnothers() {
        CapturedCli own = summary("--domain", TwoOrgs.A_DOMAIN, "--org", TwoOrgs.A);
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).contains("\"successfulSessions\":110");

        for (String other : new String[] {TwoOrgs.B_DOMAIN, TwoOrgs.LOOSE}) {
            CapturedCli refused = summary("--domain", other, "--org", TwoOrgs.A);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).contains("no domain " + other + " in organisation " + TwoOrgs.A);
        }
    }

    @Test
    void theOverviewListsTheOrganisationsDomainsOnly() {
        String[] common = {"overview", "--data-dir", dir.toString(), "--to", "2026-02-19"};
        CapturedCli a = CapturedCli.run(with(common, "--org", TwoOrgs.A));
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.out()).contains(TwoOrgs.A_DOMAIN, "1 domain(s)").doesNotContain(TwoOrgs.FOREIGN);
        CapturedCli json = CapturedCli.run(with(common, "--org", TwoOrgs.B, "--json"));
        assertThat(json.out()).contains("\"domain\":\"" + TwoOrgs.B_DOMAIN + "\"").doesNotContain(TwoOrgs.A_DOMAIN, TwoOrgs.LOOSE);
        CapturedCli hub = CapturedCli.run(common);
        assertThat(hub.out()).contains("3 domain(s)", TwoOrgs.A_DOMAIN, TwoOrgs.B_DOMAIN, TwoOrgs.LOOSE);
        assertThat(CapturedCli.run(with(common, "--period", "2w")).exitCode()).isEqualTo(2);
    }

    private static String[] with(String[] base, String... more) {
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return args;
    }

    @Test
    void withoutTheOptionTheWholeHubIsSeenAndAnUnknownOrganisationIsAnError() {
        CapturedCli hub = summary("--domain", TwoOrgs.LOOSE);
        assertThat(hub.exitCode()).as(hub.err()).isZero();
        assertThat(hub.out()).contains("\"domain\":\"" + TwoOrgs.LOOSE + "\"");

        CapturedCli unknown = summary("--domain", TwoOrgs.A_DOMAIN, "--org", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--org: there is no organisation 'nosuch'");
    }
}
