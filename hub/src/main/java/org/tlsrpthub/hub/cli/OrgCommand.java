package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Member;
import org.tlsrpthub.hub.orgs.OrgService;
import org.tlsrpthub.hub.orgs.Organisation;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Organisations and their members, from the hub's own machine (as a hub admin). */
@Command(name = "org", mixinStandardHelpOptions = true,
        header = "Organisations and their members.",
        description = {"Each domain belongs to one organisation; users hold a role (viewer, analyst, admin) in each",
                "organisation they belong to. Runs with the rights of a hub admin, as the hub's own machine."},
        subcommands = {OrgCommand.ListOrgs.class, OrgCommand.Add.class, OrgCommand.Rename.class, OrgCommand.Remove.class,
                OrgCommand.Members.class, OrgCommand.MemberCommand.class})
final class OrgCommand {
    private interface Work {
        Object run(OrgService orgs) throws Exception;
    }

    /** Runs {@code work} as the whole hub; prints its result as JSON or as {@code text}. */
    private static int run(CommandSpec spec, boolean json, Work work, java.util.function.Function<Object, String> text) throws Exception {
        try (Database db = StoreOptions.of(spec).open()) {
            Object result = work.run(new OrgService(db, Clock.systemUTC()));
            System.out.println(json ? Json.text(result) : text.apply(result));
            return 0;
        }
    }

    private static final Scope HUB = Scope.wholeHub();

    record Done(String done) {}

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organisations with their member and domain counts.")
    static final class ListOrgs implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            return run(spec, json, orgs -> orgs.organisations(HUB), r -> String.join("\n", ((List<?>) r).stream()
                    .map(o -> (Organisation) o)
                    .map(o -> o.slug() + "\t" + o.displayName() + "\t" + o.members() + " members\t" + o.domains() + " domains").toList()));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an organisation.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;
        @Parameters(index = "0", paramLabel = "SLUG", description = "1 to 40 of a-z, 0-9 and '-'.") String slug;
        @Option(names = "--name", paramLabel = "TEXT", description = "Display name (default: the slug).") String name;

        @Override
        public Integer call() throws Exception {
            return run(spec, json, orgs -> {
                orgs.by(Actor.cli()).create(HUB, slug, name);
                return new Done("added organisation " + slug);
            }, r -> ((Done) r).done());
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Change an organisation's display name.")
    static final class Rename implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;
        @Parameters(index = "0", paramLabel = "SLUG") String slug;
        @Parameters(index = "1", paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            return run(spec, json, orgs -> {
                orgs.by(Actor.cli()).rename(HUB, slug, name);
                return new Done("renamed " + slug);
            }, r -> ((Done) r).done());
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Delete an organisation that owns no domain (its tokens are revoked).")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;
        @Parameters(paramLabel = "SLUG") String slug;

        @Override
        public Integer call() throws Exception {
            return run(spec, json, orgs -> {
                orgs.by(Actor.cli()).delete(HUB, slug);
                return new Done("removed organisation " + slug);
            }, r -> ((Done) r).done());
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "List an organisation's members and their roles.")
    static final class Members implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "Print JSON.") boolean json;
        @Parameters(paramLabel = "SLUG") String slug;

        @Override
        public Integer call() throws Exception {
            return run(spec, json, orgs -> orgs.members(HUB, slug), r -> String.join("\n", ((List<?>) r).stream()
                    .map(m -> (Member) m).map(m -> m.user() + "\t" + m.role().text()).toList()));
        }
    }

    @Command(name = "member", mixinStandardHelpOptions = true, description = "Add, change or remove a member.",
            subcommands = {MemberCommand.AddMember.class, MemberCommand.SetRole.class, MemberCommand.RemoveMember.class})
    static final class MemberCommand {
        @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an existing user to an organisation with a role.")
        static final class AddMember implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Option(names = "--json", description = "Print JSON.") boolean json;
            @Parameters(index = "0", paramLabel = "SLUG") String slug;
            @Parameters(index = "1", paramLabel = "USER") String user;
            @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, analyst or admin.") String role;

            @Override
            public Integer call() throws Exception {
                return run(spec, json, orgs -> {
                    orgs.by(Actor.cli()).addMember(HUB, slug, user, Role.of(role));
                    return new Done("added " + user + " to " + slug + " as " + Role.of(role).text());
                }, r -> ((Done) r).done());
            }
        }

        @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Change a member's role (from their next request).")
        static final class SetRole implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Option(names = "--json", description = "Print JSON.") boolean json;
            @Parameters(index = "0", paramLabel = "SLUG") String slug;
            @Parameters(index = "1", paramLabel = "USER") String user;
            @Parameters(index = "2", paramLabel = "ROLE", description = "viewer, analyst or admin.") String role;

            @Override
            public Integer call() throws Exception {
                return run(spec, json, orgs -> {
                    orgs.by(Actor.cli()).setRole(HUB, slug, user, Role.of(role));
                    return new Done(user + " is " + Role.of(role).text() + " in " + slug);
                }, r -> ((Done) r).done());
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a member (their tokens there stop working).")
        static final class RemoveMember implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Option(names = "--json", description = "Print JSON.") boolean json;
            @Parameters(index = "0", paramLabel = "SLUG") String slug;
            @Parameters(index = "1", paramLabel = "USER") String user;

            @Override
            public Integer call() throws Exception {
                return run(spec, json, orgs -> {
                    orgs.by(Actor.cli()).removeMember(HUB, slug, user);
                    return new Done("removed " + user + " from " + slug);
                }, r -> ((Done) r).done());
            }
        }
    }
}
