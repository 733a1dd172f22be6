package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.cli.CliRun;
import org.tlsrpthub.hub.json.Json;

/** {@code notifications test} (also {@code alerts test}) and {@code notifications list} end to end, against a webhook receiver on loopback. */
class NotificationsCommandTest {
    @TempDir Path dir;

    private CliRun run(Path config, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.resolve("data").toString();
        all[args.length + 2] = "--config";
        all[args.length + 3] = config.toString();
        return CliRun.run(all);
    }

    @Test
    void aTestMessageIsSentAtOnceAndListed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Path config = Files.writeString(dir.resolve("hub.properties"), "alerts.allow-private=true\n"
                    + "alerts.channel.hook.type=webhook\nalerts.channel.hook.url=" + receiver.url("/hook") + "\n"
                    + "alerts.channel.down.type=webhook\nalerts.channel.down.url=" + receiver.url("/down") + "\n");
            receiver.answer(n -> WebhookReceiver.Answer.of(receiver.requests.get(n).path().equals("/down") ? 500 : 204));

            CliRun ok = run(config, "notifications", "test", "--channel", "hook", "--json");
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            JsonNode result = Json.MAPPER.readTree(ok.out());
            assertThat(result.path("deliveries").get(0).path("status").asText()).isEqualTo("sent");
            assertThat(Json.MAPPER.readTree(receiver.to("/hook").get(0).body()).path("kind").asText()).isEqualTo("test");

            CliRun down = run(config, "alerts", "test", "--channel", "down"); // the same command under alerts
            assertThat(down.exitCode()).as("a failed test exits with 1").isEqualTo(1);
            assertThat(down.out()).contains("FAILED after 1 attempts", "HTTP 500");
            assertThat(receiver.to("/down")).as("a test message is not retried").hasSize(1);

            CliRun unknown = run(config, "notifications", "test", "--channel", "nope");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("no channel nope; the channels are down, hook");

            CliRun list = run(config, "notifications", "list", "--json");
            assertThat(list.exitCode()).as(list.err()).isZero();
            JsonNode rows = Json.MAPPER.readTree(list.out());
            assertThat(rows.findValuesAsText("channel")).containsExactly("down", "hook");
            assertThat(rows.findValuesAsText("status")).containsExactly("failed", "sent");
            assertThat(run(config, "notifications", "list").out()).contains("test.invalid test warning test -> hook: sent");
        }
    }
}
