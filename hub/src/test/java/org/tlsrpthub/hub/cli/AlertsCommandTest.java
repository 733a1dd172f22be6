package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.alerts.Scenario.AT;
import static org.tlsrpthub.hub.alerts.Scenario.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.alerts.AlertService;
import org.tlsrpthub.hub.alerts.AlertSettings;
import org.tlsrpthub.hub.alerts.Scenario;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;

/** {@code alerts evaluate | list | ack | snooze} end to end on an SQLite store. */
class AlertsCommandTest {
    @TempDir Path dir;

    private CapturedCli run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return CapturedCli.run(all);
    }

    @Test
    void evaluateIsADryRunPrintingTheIssuesShapeAndListAckSnoozeActOnIncidents() throws Exception {
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            new Scenario(db).daily("a.test", "good.test", -17, -3, 1000)
                    .daily("a.test", "good.test", -3, 0, 800, failure("starttls-not-supported", "mx1.a.test", 200)).store();
        }
        CapturedCli json = run("alerts", "evaluate", "--at", "2026-12-01T06:00:00Z", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("at").asText()).isEqualTo("2026-12-01T06:00:00Z");
        JsonNode sender = null;
        for (JsonNode i : doc.get("incidents")) if (i.get("rule").asText().equals("sender-failing")) sender = i;
        assertThat(sender).isNotNull();
        assertThat(sender.get("domain").asText()).isEqualTo("a.test");
        assertThat(sender.get("severity").asText()).isEqualTo("critical");
        assertThat(sender.get("subject").asText()).isEqualTo("good.test");
        assertThat(sender.get("reporter").asText()).isEqualTo("good.test");
        assertThat(sender.get("mx").asText()).isEqualTo("mx1.a.test");
        assertThat(sender.get("result_type").asText()).isEqualTo("starttls-not-supported");
        assertThat(sender.get("downgrade").asBoolean()).isTrue();
        assertThat(sender.get("evidence").get("failure_rate_percent").asDouble()).isEqualTo(20.0);
        assertThat(run("alerts", "evaluate", "--at", "2026-12-01T06:00:00Z", "--json").out()).isEqualTo(json.out());
        assertThat(run("alerts", "list", "--json").out()).contains("\"matching\":0"); // a dry run stores nothing

        CapturedCli words = run("alerts", "evaluate", "--at", "2026-12-01T06:00:00Z");
        assertThat(words.out()).contains("would be open at 2026-12-01T06:00:00Z").contains("critical sender-failing a.test [good.test]")
                .contains("STARTTLS stripping");
        assertThat(run("alerts", "evaluate", "--at", "yesterday").err()).contains("--at 'yesterday' is not an instant");

        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            new AlertService(db, Clock.fixed(AT, ZoneOffset.UTC), AlertSettings.defaults(), (c, t) -> { }).run(AT, null);
        }
        CapturedCli list = run("alerts", "list", "--json", "--rule", "sender-failing");
        assertThat(list.exitCode()).as(list.err()).isZero();
        long id = new ObjectMapper().readTree(list.out()).get("items").get(0).get("id").asLong();
        CapturedCli ack = run("alerts", "ack", Long.toString(id));
        assertThat(ack.exitCode()).as(ack.err()).isZero();
        assertThat(ack.out()).contains("acknowledged by cli:");
        Instant until = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        CapturedCli snooze = run("alerts", "snooze", Long.toString(id), "--until", until.toString());
        assertThat(snooze.exitCode()).as(snooze.err()).isZero();
        assertThat(snooze.out()).contains("snoozed until " + until);
        assertThat(run("alerts", "list").out()).contains("#" + id).contains("sender-failing").contains("[acknowledged by cli:")
                .contains("[snoozed until " + until + " by cli:");
        assertThat(run("alerts", "ack", "999999").exitCode()).isEqualTo(1);
        assertThat(run("alerts", "list", "--severity", "loud").err()).contains("severity 'loud' is not info, warning or critical");
        assertThat(run("alerts", "snooze", Long.toString(id), "--until", "2000-01-01T00:00:00Z").err()).contains("not in the future");
        // delivery's test command sits under the same parent
        assertThat(run("alerts", "test", "--help").out()).contains("--channel");
    }

    @Test
    void aBadAlertSettingStopsTheCommandInTheOperatorsWords() throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("bad.properties"), "alerts.rule.failure-rate.critical-percent = 150\n");
        CapturedCli bad = run("alerts", "evaluate", "--config", config.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("alert setting alerts.rule.failure-rate.critical-percent = '150': a percentage lies between 0 and 100")
                .doesNotContain("Exception");
    }
}
