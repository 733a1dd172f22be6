package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.orgs.Role;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.ownership.Owner;
import org.tlsrpthub.hub.ownership.OwnerFilter;
import org.tlsrpthub.hub.ownership.OwnersService;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "owners", mixinStandardHelpOptions = true,
        header = "Domain owners, the organisations' alert routes and where alerts about a domain go.",
        description = {"Each domain of an organisation has owners: users of that organisation and group email",
                "addresses. Alerts go to the owners first, then to the organisation's alert route."},
        subcommands = {OwnersCommand.ListOwners.class, OwnersCommand.Add.class, OwnersCommand.Remove.class,
                OwnersCommand.Recipients.class, OwnersCommand.AlertRoute.class,
                OwnersCommand.Domains.class})
final class OwnersCommand {

    /** One user or one address. */
    static final class Who {
        @Option(names = "--user", paramLabel = "NAME", description = "A user of the domain's organisation.") String user;
        @Option(names = "--email", paramLabel = "ADDRESS", description = "A group email address.") String email;

        Owner.Kind kind() {
            return user != null ? Owner.Kind.USER : Owner.Kind.EMAIL;
        }

        String name() {
            return user != null ? user : email;
        }
    }

    private static OwnersService service(Database db) {
        return new OwnersService(db, Clock.systemUTC());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a domain's owners.")
    static final class ListOwners implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "DOMAIN") String domain;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                List<Owner> owners = service(db).owners(Scope.wholeHub(), domain);
                if (json) System.out.println(Json.text(owners));
                else for (Owner o : owners) System.out.println(o.kind().id() + "\t" + o.name() + (o.email() == null ? "" : "\t" + o.email()));
                return 0;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Name an owner of a domain.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "DOMAIN") String domain;
        @ArgGroup(multiplicity = "1") Who who;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                boolean added = service(db).addOwner(Scope.wholeHub(), Actor.cli(), domain, who.kind(), who.name());
                System.out.println((added ? "added " : "already an owner: ") + who.kind().id() + " " + who.name());
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an owner of a domain.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "DOMAIN") String domain;
        @ArgGroup(multiplicity = "1") Who who;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                if (service(db).removeOwner(Scope.wholeHub(), Actor.cli(), domain, who.kind(), who.name())) {
                    System.out.println("removed " + who.kind().id() + " " + who.name());
                    return 0;
                }
                System.err.println("not an owner of " + domain + ": " + who.kind().id() + " " + who.name());
                return 1;
            }
        }
    }

    @Command(name = "recipients", mixinStandardHelpOptions = true,
            description = "Where an alert about a domain goes: the owners' addresses, then the organisation's alert route.")
    static final class Recipients implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "DOMAIN") String domain;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                List<String> to = service(db).recipients(domain);
                if (json) System.out.println(Json.text(to));
                else to.forEach(System.out::println);
                return 0;
            }
        }
    }

    @Command(name = "alert-route", mixinStandardHelpOptions = true,
            description = "Show or set an organisation's default alert route (an email address).")
    static final class AlertRoute implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ORG") String org;
        @Parameters(index = "1", arity = "0..1", paramLabel = "ADDRESS") String address;
        @Option(names = "--clear", description = "Remove the route.") boolean clear;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                OwnersService s = service(db);
                String route = clear || address != null ? s.setAlertRoute(Scope.wholeHub(), org, clear ? null : address)
                        : s.alertRoute(Scope.wholeHub(), org);
                if (json) System.out.println(Json.text(java.util.Collections.singletonMap("alert_route", route)));
                else System.out.println(route == null ? "(none)" : route);
                return 0;
            }
        }
    }

    @Command(name = "domains", mixinStandardHelpOptions = true,
            description = "The overview's ownership filters: the domains a user owns, or the domains nobody owns.")
    static final class Domains implements Callable<Integer> {
        static final class Filter {
            @Option(names = "--mine", paramLabel = "USER", description = "The domains this user owns.") String user;
            @Option(names = "--unowned", description = "The domains nobody owns.") boolean unowned;
        }

        @Spec CommandSpec spec;
        @ArgGroup(multiplicity = "1") Filter filter;
        @Option(names = "--org", paramLabel = "ORG", description = "Only this organisation's domains (default: every organisation's).") String org;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            Scope scope = org == null ? Scope.wholeHub() : new Scope(null, org, Role.ADMIN, true);
            try (Database db = StoreOptions.of(spec).open()) {
                Set<String> domains = service(db).domains(scope, filter.unowned ? OwnerFilter.NONE : OwnerFilter.MINE, filter.user);
                if (json) System.out.println(Json.text(domains));
                else domains.forEach(System.out::println);
                return 0;
            }
        }
    }
}
