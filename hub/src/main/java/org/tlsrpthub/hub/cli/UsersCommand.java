package org.tlsrpthub.hub.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.auth.AccessService;
import org.tlsrpthub.hub.auth.User;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", mixinStandardHelpOptions = true,
        header = "Local users of the dashboard and API.",
        description = {"Local users of the dashboard and API. The first admin can also be created on the",
                "first-run setup page, which is shown only while there is no user."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Password.class,
                UsersCommand.Remove.class, UsersCommand.Email.class, UsersCommand.HubAdmin.class})
final class UsersCommand {

    /** Where a password comes from: stdin, the environment, or a prompt that does not echo. */
    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Option(names = "--password-env", paramLabel = "VAR",
                description = "Read the password from this environment variable (e.g. TLSRPT_ADMIN_PASSWORD).")
        String env;

        char[] read() throws IOException {
            if (stdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) throw new IllegalArgumentException("no password on standard input");
                return line.toCharArray();
            }
            if (env != null) {
                String v = System.getenv(env);
                if (v == null || v.isEmpty()) throw new IllegalArgumentException("environment variable " + env + " is not set");
                return v.toCharArray();
            }
            Console c = System.console();
            if (c == null) throw new IllegalArgumentException("no terminal to ask for a password: use --password-stdin or --password-env");
            char[] a = c.readPassword("Password: ");
            char[] b = c.readPassword("Again: ");
            if (a == null || !Arrays.equals(a, b)) throw new IllegalArgumentException("the passwords differ");
            return a;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin PasswordSource password;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--admin", description = "Make the user a hub admin (manages organisations; admin of 'default').") boolean admin;
        @Option(names = "--org", paramLabel = "SLUG", defaultValue = OrgService.DEFAULT_ORG,
                description = "The organisation the user joins (default: ${DEFAULT-VALUE}).") String org;
        @Option(names = "--role", paramLabel = "ROLE",
                description = "The user's role there: viewer, analyst or admin (default: admin for --admin, else analyst).") String role;

        @Override
        public Integer call() throws Exception {
            Role r = role != null ? Role.of(role) : admin ? Role.ADMIN : Role.ANALYST;
            char[] pw = password.read();
            try (Database db = StoreOptions.of(spec).open()) {
                new AccessService(db, Clock.systemUTC()).by(Actor.cli()).addUser(name, pw, admin, org, r);
                System.out.println("added " + (admin ? "admin " : "user ") + name + " (" + r.text() + " in " + org + ")");
                return 0;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users ('admin': hub admin).")
    static final class ListUsers implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON: name, admin (hub admin), createdAt.") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                List<User> users = new AccessService(db, Clock.systemUTC()).users();
                if (json) {
                    System.out.println(Json.text(users));
                    return 0;
                }
                for (User u : users) {
                    System.out.println(u.name() + (u.admin() ? "\tadmin" : "\tuser") + "\t" + u.createdAt());
                }
                return 0;
            }
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true, description = "Set a user's password (signs out their browsers).")
    static final class Password implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin PasswordSource password;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            char[] pw = password.read();
            try (Database db = StoreOptions.of(spec).open()) {
                new AccessService(db, Clock.systemUTC()).by(Actor.cli()).setPassword(name, pw);
                System.out.println("password changed for " + name);
                return 0;
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
    }

    @Command(name = "hub-admin", mixinStandardHelpOptions = true,
            description = "Grant or withdraw hub admin (manages organisations); the last hub admin cannot be withdrawn.")
    static final class HubAdmin implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--withdraw", description = "Withdraw instead of grant.") boolean withdraw;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        record Result(String user, boolean hubAdmin) {}

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                new OrgService(db, Clock.systemUTC()).by(Actor.cli()).setHubAdmin(Scope.wholeHub(), name, !withdraw);
                System.out.println(json ? Json.text(new Result(name, !withdraw)) : (withdraw ? "withdrew hub admin from " : "made hub admin: ") + name);
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user with their sessions and tokens.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                boolean removed = new AccessService(db, Clock.systemUTC()).by(Actor.cli()).removeUser(name);
                System.out.println(removed ? "removed " + name : "no user " + name);
                return removed ? 0 : 1;
            }
        }
    }

    @Command(name = "email", mixinStandardHelpOptions = true,
            description = {"Set (or with --clear remove) a user's email address. Single sign-on links a sign-in to this local",
                    "user only when the identity provider confirms the same address as verified (docs/sso.md)."})
    static final class Email implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", arity = "0..1", paramLabel = "ADDRESS") String address;
        @Option(names = "--clear", description = "Remove the address.") boolean clear;

        @Override
        public Integer call() throws Exception {
            if ((address == null) != clear) throw new IllegalArgumentException("give an ADDRESS, or --clear");
            try (Database db = StoreOptions.of(spec).open()) {
                new AccessService(db, Clock.systemUTC()).setEmail(name, address);
                System.out.println(clear ? "email removed from " + name : "email of " + name + " set to " + address);
                return 0;
            }
        }
    }
}
