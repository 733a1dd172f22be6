package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.ApiToken;
import org.tlsrpthub.hub.auth.NewToken;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"API tokens for scripts: send 'Authorization: Bearer TOKEN' to /api/v1/… and /metrics.",
                "Only a hash is stored; a token is shown once, when created."},
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token and print it (once).")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user the token acts for.") String user;
        @Option(names = "--label", paramLabel = "TEXT", defaultValue = "", description = "What the token is for.") String label;
        @Option(names = "--org", paramLabel = "SLUG", defaultValue = OrgService.DEFAULT_ORG,
                description = "The organisation it acts in (default: ${DEFAULT-VALUE}); the user must belong to it.") String org;
        @Option(names = "--role", paramLabel = "ROLE",
                description = "At most this role (viewer, analyst, admin; not above the user's). Default: the user's role, as it changes.")
        String role;
        @Option(names = "--json", description = "Print {\"id\":…,\"token\":…,\"org\":…,\"role\":…} on standard output.") boolean json;

        record Created(String id, String token, String org, Role role) {}

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                Role cap = role == null ? null : Role.of(role);
                NewToken t = new AccessService(db, Clock.systemUTC()).by(Actor.cli()).createToken(user, label, org, cap);
                if (json) {
                    System.out.println(Json.text(new Created(t.id(), t.secret(), org, cap)));
                    return 0;
                }
                System.err.println("created " + t.id() + "; the token (not shown again):");
                System.out.println(t.secret());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON (never the secrets).") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                List<ApiToken> tokens = new AccessService(db, Clock.systemUTC()).tokens();
                if (json) {
                    System.out.println(Json.text(tokens));
                    return 0;
                }
                for (ApiToken t : tokens) {
                    System.out.println(String.join("\t", t.id(), t.user(), t.org(), t.role() == null ? "user's role" : t.role().text(),
                            t.revoked() ? "revoked" : "valid",
                            String.valueOf(t.createdAt()), t.lastUsedAt() == null ? "never used" : "used " + t.lastUsedAt(), t.label()));
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke tokens by id.")
    static final class Revoke implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "ID") List<String> ids;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                AccessService access = new AccessService(db, Clock.systemUTC()).by(Actor.cli());
                int missing = 0;
                for (String id : ids) {
                    if (access.revokeToken(id)) System.out.println("revoked " + id);
                    else {
                        System.out.println("no valid token " + id);
                        missing++;
                    }
                }
                return missing == 0 ? 0 : 1;
            }
        }
    }
}
