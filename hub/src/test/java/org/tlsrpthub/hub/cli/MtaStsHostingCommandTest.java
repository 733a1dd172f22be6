package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.readiness.ReadinessScenario;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Sql;

/**
 * {@code mta-sts host/promote/rollback/import/show/list} on a real store. The commands run on the
 * wall clock, months after the scenario's reports: the verdict is not ready, so promote needs an override.
 */
class MtaStsHostingCommandTest {
    private static final String D = ReadinessScenario.DOMAIN;

    @TempDir
    Path dir;

    @BeforeEach
    void fill() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            ReadinessScenario.readyWithStaleReporter(db);
        }
    }

    private CapturedCli cli(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "mta-sts";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = dir.toString();
        return CapturedCli.run(all);
    }

    private long versions() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            return Sql.count(db, "SELECT COUNT(*) FROM hosted_policy_version");
        }
    }

    @Test
    void hostShowPromoteWithAnOverrideAndRollBack() throws Exception {
        CapturedCli host = cli("host", D, "--mode", "testing", "--mx", "mx1." + D, "mx2." + D, "--max-age", "604800", "--reason", "start");
        assertThat(host.exitCode()).as(host.err()).isZero();
        assertThat(host.out()).contains(D + ": version 1 (id ").contains("mode testing, max_age 604800, served")
                .contains("TXT record: _mta-sts." + D + ". IN TXT \"v=STSv1; id=").contains("DNS: no live check yet")
                .contains("warning: No live check of " + D + " is stored");

        CapturedCli refused = cli("promote", D);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("not promoted: the readiness verdict for " + D + " is insufficient-data");
        CapturedCli noReason = cli("promote", D, "--override");
        assertThat(noReason.exitCode()).isEqualTo(1);
        assertThat(noReason.err()).contains("an override needs a reason");
        assertThat(versions()).isEqualTo(1);

        CapturedCli promoted = cli("promote", D, "--override", "--reason", "reports stopped; MX verified by hand", "--json");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        JsonNode p = Json.MAPPER.readTree(promoted.out());
        assertThat(p.get("current").get("mode").asText()).isEqualTo("enforce");
        assertThat(p.get("current").get("verdict").asText()).isEqualTo("insufficient-data");
        assertThat(p.get("history")).hasSize(2);

        CapturedCli none = cli("rollback", D, "--to", "none", "--reason", "withdraw");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).contains("version 3").contains("mode none").contains("served until ");
        CapturedCli show = cli("show", D);
        assertThat(show.out()).contains("  3  ").contains("rollback  none  -  withdraw").contains("promote  enforce  insufficient-data  override of verdict");
        CapturedCli list = cli("list", "--json");
        assertThat(Json.MAPPER.readTree(list.out()).get(0).get("domain").asText()).isEqualTo(D);
        CapturedCli again = cli("import", D);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains(D + " already has hosted versions");
    }

    @Test
    void badInputIsRefusedClearlyAndNothingChanges() throws Exception {
        CapturedCli badMx = cli("host", D, "--mode", "testing", "--mx", "mx..bad", "--max-age", "604800");
        assertThat(badMx.exitCode()).isEqualTo(1);
        assertThat(badMx.err()).contains("tlsrpt-hub host: invalid mx pattern: 'mx..bad' is not a host name");
        CapturedCli range = cli("host", D, "--mode", "testing", "--mx", "mx1." + D, "--max-age", "99999999");
        assertThat(range.err()).contains("max_age 99999999 is out of range");
        CapturedCli noneMx = cli("host", D, "--mode", "none", "--mx", "mx1." + D, "--max-age", "86400");
        assertThat(noneMx.err()).contains("mode none takes no mx patterns");
        CapturedCli unknown = cli("host", "nowhere.example", "--mode", "testing", "--mx", "mx1." + D, "--max-age", "604800");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no domain nowhere.example");
        CapturedCli notHosted = cli("show", D);
        assertThat(notHosted.out()).contains(D + ": not hosted");
        CapturedCli noMode = cli("host", D, "--max-age", "604800");
        assertThat(noMode.exitCode()).isEqualTo(2);
        assertThat(versions()).isZero();
    }
}
