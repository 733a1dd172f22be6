package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.ownership.OwnershipTestData;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** {@code assignment} and {@code owners} end to end, in-process, on SQLite in a temp data directory. */
class OwnershipCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /** The command with this test's data directory. */
    private CapturedCli run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return CapturedCli.run(all);
    }

    private CapturedCli ok(String... args) {
        CapturedCli r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    @Test
    void aHubAdminAssignsWaitingDomainsAndAnOrgAdminNamesTheirOwners() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            OwnershipTestData.organisation(db, "alpha");
            OwnershipTestData.member(db, "alpha", "ann", Role.ADMIN);
            ok("assignment", "remove-rule", "*");
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            OwnershipTestData.report(ingest, "a.shop.test", "b.shop.test", "other.test");
        }

        JsonNode waiting = JSON.readTree(ok("assignment", "unassigned", "--json").out());
        assertThat(waiting).hasSize(3);
        assertThat(waiting.get(0).get("domain").asText()).isEqualTo("a.shop.test");
        assertThat(waiting.get(0).get("reports").asLong()).isEqualTo(1);
        assertThat(ok("assignment", "add-rule", "*.shop.test", "alpha", "--apply").out()).contains("assigned 2 unassigned domain(s)");
        assertThat(ok("assignment", "assign", "other.test", "alpha").out()).contains("assigned other.test -> alpha");
        assertThat(ok("assignment", "unassigned").out()).isEmpty();
        assertThat(ok("assignment", "rules").out()).isEqualTo("*.shop.test\talpha\n");

        ok("users", "email", "ann", "ann@mail.example");
        ok("owners", "add", "a.shop.test", "--user", "ann");
        ok("owners", "add", "a.shop.test", "--email", "shop-team@mail.example");
        ok("owners", "alert-route", "alpha", "noc@mail.example");
        assertThat(JSON.readTree(ok("owners", "list", "a.shop.test", "--json").out()).get(1).get("email").asText())
                .isEqualTo("shop-team@mail.example");
        assertThat(ok("owners", "recipients", "a.shop.test").out())
                .isEqualTo("ann@mail.example\nshop-team@mail.example\nnoc@mail.example\n");
        assertThat(ok("owners", "domains", "--mine", "ann").out()).isEqualTo("a.shop.test\n");
        assertThat(JSON.readTree(ok("owners", "domains", "--unowned", "--org", "alpha", "--json").out()).toString())
                .isEqualTo("[\"b.shop.test\",\"other.test\"]");

        assertThat(ok("overview", "--period", "365d", "--owner", "mine", "--user", "ann").out()).contains("a.shop.test")
                .doesNotContain("b.shop.test").doesNotContain("other.test");
        assertThat(ok("overview", "--period", "365d", "--owner", "none").out()).contains("b.shop.test", "other.test")
                .doesNotContain("a.shop.test");
        assertThat(run("overview", "--owner", "mine").err()).contains("\"my domains\" needs a user");
        CapturedCli bad = run("owners", "add", "a.shop.test", "--email", "no-at-sign");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("'no-at-sign' is not an email address").doesNotContain("Exception");
        CapturedCli missing = run("assignment", "assign", "never.test", "alpha");
        assertThat(missing.err()).contains("no reports about 'never.test'");
    }
}
