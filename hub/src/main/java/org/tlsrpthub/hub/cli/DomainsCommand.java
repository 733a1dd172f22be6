package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.domains.OtherDomains;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "domains", mixinStandardHelpOptions = true,
        header = "The policy domains this hub serves, and what to do with reports about others.",
        description = {"The policy domains this hub serves. While none is configured every report is stored;",
                "afterwards reports about other domains follow the 'others' setting (store, quarantine, reject)."},
        subcommands = {DomainsCommand.Add.class, DomainsCommand.ListDomains.class, DomainsCommand.Remove.class,
                DomainsCommand.Others.class})
final class DomainsCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Serve these domains.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "DOMAIN") List<String> domains;

        @Override
        public Integer call() throws Exception {
            for (String d : domains) {
                // before opening the store: a typo adds nothing
                if (DomainNames.toALabels(d.strip()).isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "'" + d + "' is not a host name (e.g. example.com)");
                }
            }
            try (Database db = StoreOptions.of(spec).open()) {
                DomainStore ds = new DomainStore(db, Clock.systemUTC());
                for (String d : domains) {
                    String one = DomainNames.normalise(d);
                    System.out.println((ds.add(d, Actor.cli()) ? "added " : "already served: ") + one);
                }
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List served domains and the setting for others.")
    static final class ListDomains implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                DomainStore ds = new DomainStore(db, Clock.systemUTC());
                ds.list().forEach(System.out::println);
                System.out.println("# reports about other domains: " + ds.otherDomains().id());
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop serving these domains (stored reports stay).")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "DOMAIN") List<String> domains;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                DomainStore ds = new DomainStore(db, Clock.systemUTC());
                int missing = 0;
                for (String d : domains) {
                    if (ds.remove(d, Actor.cli())) System.out.println("removed " + d);
                    else { System.err.println("not served: " + d); missing++; }
                }
                return missing == 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "others", mixinStandardHelpOptions = true,
            description = "Show or set what happens to reports about domains that are not served.")
    static final class Others implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "store|quarantine|reject") String value;

        @Override
        public Integer call() throws Exception {
            try (Database db = StoreOptions.of(spec).open()) {
                DomainStore ds = new DomainStore(db, Clock.systemUTC());
                if (value != null) ds.setOtherDomains(OtherDomains.fromId(value), Actor.cli());
                System.out.println(ds.otherDomains().id());
                return 0;
            }
        }
    }
}
