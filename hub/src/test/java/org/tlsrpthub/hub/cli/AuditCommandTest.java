package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit list} end to end, over what {@code users}, {@code tokens} and {@code domains} recorded. */
class AuditCommandTest {
    @TempDir Path dir;

    private CapturedCli run(String stdin, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return CapturedCli.runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), all);
    }

    @Test
    void theCommandsActionsAreListedAsTheCommandLinesWithFilters() throws Exception {
        String me = "cli:" + System.getProperty("user.name");
        assertThat(run("a long password\n", "users", "add", "alice", "--admin", "--password-stdin").exitCode()).isZero();
        CapturedCli token = run("", "tokens", "create", "--user", "alice", "--label", "grafana");
        assertThat(token.exitCode()).as(token.err()).isZero();
        assertThat(run("", "domains", "add", "example.com").exitCode()).isZero();
        assertThat(run("", "domains", "others", "reject").exitCode()).isZero();

        CapturedCli all = run("", "audit", "list", "--json");
        assertThat(all.exitCode()).as(all.err()).isZero();
        JsonNode page = new ObjectMapper().readTree(all.out());
        assertThat(page.get("matching").asLong()).isEqualTo(4);
        assertThat(page.get("items").findValuesAsText("action"))
                .containsExactly("settings-changed", "domain-served", "token-created", "user-added");
        assertThat(page.get("items").findValuesAsText("actor")).containsOnly(me);
        assertThat(page.get("items").findValuesAsText("address")).containsOnly("local");
        assertThat(all.out()).doesNotContain(token.out().trim()).doesNotContain("a long password");

        CapturedCli settings = run("", "audit", "list", "--action", "settings-changed", "--actor", me, "--since", "2000-01-01");
        assertThat(settings.exitCode()).as(settings.err()).isZero();
        assertThat(settings.out()).contains("settings-changed").contains("domains others")
                .contains("{\"value\":\"store\"} -> {\"value\":\"reject\"}").doesNotContain("domain-served");
        assertThat(settings.err()).contains("1 matching entries");
        assertThat(run("", "audit", "list", "--json", "--org", "default", "--action", "token-created").out()).contains("grafana");
        assertThat(run("", "audit", "list", "--json", "--until", "2000-01-01").out()).contains("\"matching\":0");
    }

    @Test
    void badFiltersAreRefusedNamingTheOption() {
        CapturedCli action = run("", "audit", "list", "--action", "explode");
        assertThat(action.exitCode()).isNotZero();
        assertThat(action.err()).contains("action").contains("unknown action 'explode'").contains("sign-in-failed");
        CapturedCli since = run("", "audit", "list", "--since", "last tuesday");
        assertThat(since.exitCode()).isNotZero();
        assertThat(since.err()).contains("since").contains("2026-11-01");
        assertThat(run("", "audit", "list", "--size", "0").err()).contains("--size must be 1..500");
    }
}
