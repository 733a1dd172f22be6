package org.tlsrpthub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code org}, {@code users hub-admin} and {@code tokens create --org --role}, in-process, on SQLite in a temp data directory. */
class OrgCommandTest {
    @TempDir Path dir;

    /** Runs against the test's data directory. */
    private CapturedCli run(String stdin, String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data-dir", dir.toString()))
                .toArray(String[]::new);
        return CapturedCli.runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), all);
    }

    private JsonNode json(String... args) throws Exception {
        CapturedCli r = run("", args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void organisationsAndMembersFromTheCommandLine() throws Exception {
        assertThat(run("root password\n", "users", "add", "root", "--admin", "--password-stdin").exitCode()).isZero();
        assertThat(run("kim password\n", "users", "add", "kim", "--password-stdin").out()).contains("analyst in default");

        assertThat(json("org", "add", "team-a", "--name", "Team A", "--json").get("done").asText()).isEqualTo("added organisation team-a");
        CapturedCli bad = run("", "org", "add", "Team_A");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("organisation 'Team_A': a slug is 1 to 40 of a-z, 0-9 and '-'").doesNotContain("Exception");
        assertThat(run("", "org", "add", "team-a").err()).contains("exists already");

        assertThat(run("", "org", "member", "add", "team-a", "kim", "--role", "viewer").exitCode()).isZero();
        assertThat(run("", "org", "member", "add", "team-a", "ghost", "--role", "viewer").err()).contains("no user 'ghost'");
        assertThat(run("", "org", "member", "set-role", "team-a", "kim", "admin").out()).contains("kim is admin in team-a");
        JsonNode members = json("org", "members", "team-a", "--json");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("user").asText()).isEqualTo("kim");
        assertThat(members.get(0).get("role").asText()).isEqualTo("admin");
        assertThat(run("", "org", "members", "team-a").out()).contains("kim\tadmin");

        JsonNode orgs = json("org", "list", "--json");
        assertThat(orgs).extracting(o -> o.get("slug").asText()).containsExactly("default", "team-a");
        assertThat(orgs.get(1).get("members").asInt()).isEqualTo(1);

        JsonNode token = json("tokens", "create", "--user", "kim", "--org", "team-a", "--role", "viewer", "--label", "grafana", "--json");
        assertThat(token.get("token").asText()).startsWith("tlsrpthub_");
        assertThat(token.get("role").asText()).isEqualTo("viewer");
        CapturedCli tooHigh = run("", "tokens", "create", "--user", "kim", "--org", "default", "--role", "admin");
        assertThat(tooHigh.exitCode()).isNotZero();
        assertThat(tooHigh.err()).contains("kim' is analyst in 'default' and cannot hand out admin");
        JsonNode tokens = json("tokens", "list", "--json");
        assertThat(tokens.get(0).get("org").asText()).isEqualTo("team-a");
        assertThat(tokens.toString()).doesNotContain(token.get("token").asText());

        assertThat(run("", "org", "member", "remove", "team-a", "kim").exitCode()).isZero();
        assertThat(run("", "org", "member", "remove", "team-a", "kim").err()).contains("not a member of 'team-a'");
        assertThat(run("", "org", "rename", "team-a", "Team Alpha").exitCode()).isZero();
        assertThat(run("", "org", "remove", "team-a").exitCode()).isZero();
        assertThat(json("org", "list", "--json")).hasSize(1);
    }

    @Test
    void hubAdminIsGrantedAndWithdrawnButNeverFromTheLastOne() throws Exception {
        run("root password\n", "users", "add", "root", "--admin", "--password-stdin");
        run("kim password\n", "users", "add", "kim", "--org", "default", "--role", "viewer", "--password-stdin");
        CapturedCli last = run("", "users", "hub-admin", "root", "--withdraw");
        assertThat(last.exitCode()).isNotZero();
        assertThat(last.err()).contains("'root' is the last hub admin");
        assertThat(json("users", "hub-admin", "kim", "--json").get("hubAdmin").asBoolean()).isTrue();
        assertThat(run("", "users", "hub-admin", "root", "--withdraw").exitCode()).isZero();
        JsonNode users = json("users", "list", "--json");
        assertThat(users).extracting(u -> u.get("name").asText() + "=" + u.get("admin").asBoolean()).containsExactly("kim=true", "root=false");
    }
}
