package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.mtasts.MtaStsPolicy;
import org.tlsrpthub.core.mtasts.MxPattern;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.hosting.HostedPolicyStore;
import org.tlsrpthub.hub.hosting.HostedVersion;
import org.tlsrpthub.hub.hosting.HostedVersion.Action;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** {@code mta-sts served [DOMAIN]} on a real store: a served domain, one retired past its serve_until, and one never hosted. */
class MtaStsServedCommandTest {
    @TempDir Path dir;
    HostedVersion a;

    @BeforeEach
    void host() throws Exception {
        Instant now = Instant.now();
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            a = append(db, "a.test", new MtaStsPolicy(PolicyMode.TESTING, 86_400, List.of(MxPattern.of("mx1.a.test"))), now, null);
            append(db, "gone.test", new MtaStsPolicy(PolicyMode.NONE, 86_400, List.of()), now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        }
    }

    private static HostedVersion append(Database db, String domain, MtaStsPolicy p, Instant at, Instant until) throws Exception {
        return db.inTransaction(c -> HostedPolicyStore.append(c, new HostedPolicyStore.Draft(domain, p,
                until == null ? Action.CREATE : Action.ROLLBACK, null, null, "test", at, until)));
    }

    @Test
    void aServedDomainPrintsTheExactFile() {
        CapturedCli run = CapturedCli.run("mta-sts", "served", "A.test.", "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(a.text());
    }

    @Test
    void jsonNamesTheVersionIdRecordAndText() throws Exception {
        CapturedCli run = CapturedCli.run("mta-sts", "served", "a.test", "--json", "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.get("url").asText()).isEqualTo("https://mta-sts.a.test/.well-known/mta-sts.txt");
        assertThat(json.get("policy_id").asText()).isEqualTo(a.policyId());
        assertThat(json.get("txt_record").asText()).isEqualTo(a.txtRecord());
        assertThat(json.get("mode").asText()).isEqualTo("testing");
        assertThat(json.get("max_age").asLong()).isEqualTo(86_400);
        assertThat(json.get("text").asText()).isEqualTo(a.text());
    }

    @Test
    void aDomainNotServedIsExitStatusOneWithTheReason() {
        for (String d : List.of("gone.test", "never.test", "not a domain")) {
            CapturedCli run = CapturedCli.run("mta-sts", "served", d, "--data-dir", dir.toString());
            assertThat(run.exitCode()).as(d).isEqualTo(1);
            assertThat(run.err()).contains("no MTA-STS policy is served for " + d).contains("404");
        }
    }

    @Test
    void withoutADomainEveryServedPolicyIsListed() throws Exception {
        CapturedCli text = CapturedCli.run("mta-sts", "served", "--data-dir", dir.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("a.test").contains(a.txtRecord()).doesNotContain("gone.test");
        CapturedCli json = CapturedCli.run("mta-sts", "served", "--json", "--data-dir", dir.toString());
        JsonNode list = Json.MAPPER.readTree(json.out());
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("domain").asText()).isEqualTo("a.test");
    }
}
