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
        String[] base = {"summary", "--data-dir", dir.toString(), "--from", "2026-02-01", "--to", "2026-02-19", "--json"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CapturedCli.run(args);
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
    void withoutTheOptionTheWholeHubIsSeenAndAnUnknownOrganisationIsAnError() {
        CapturedCli hub = summary("--domain", TwoOrgs.LOOSE);
        assertThat(hub.exitCode()).as(hub.err()).isZero();
        assertThat(hub.out()).contains("\"domain\":\"" + TwoOrgs.LOOSE + "\"");

        CapturedCli unknown = summary("--domain", TwoOrgs.A_DOMAIN, "--org", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--org: there is no organisation 'nosuch'");
    }
}
