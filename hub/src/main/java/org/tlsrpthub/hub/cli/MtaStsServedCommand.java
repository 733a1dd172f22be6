package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.hosting.PolicyHost;
import org.tlsrpthub.hub.hosting.PolicyServing;
import org.tlsrpthub.hub.hosting.ServedPolicy;
import org.tlsrpthub.hub.hosting.ServingObserver;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mta-sts served [DOMAIN]}: what the hub serves at mta-sts.DOMAIN now, from the same service as the policy route. */
@Command(name = "served", mixinStandardHelpOptions = true,
        description = {"The hosted MTA-STS policies served now, one per domain (docs/policy-hosting.md \"Serving\").",
                "With DOMAIN: the exact file served at https://mta-sts.DOMAIN/.well-known/mta-sts.txt; exit status 1 when none is."})
final class MtaStsServedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DOMAIN", arity = "0..1", description = "The policy domain (without mta-sts.).")
    String domain;

    @Option(names = "--json", description = "Print JSON: the domain, its version, policy id, TXT record, mode, mx, max_age, serve_until and text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Database db = StoreOptions.of(spec).open()) {
            PolicyServing serving = new PolicyServing(db, Clock.systemUTC(), ServingObserver.NONE);
            return domain == null ? all(serving) : one(serving);
        }
    }

    private int one(PolicyServing serving) throws Exception {
        Optional<String> d = PolicyHost.domainOf(PolicyHost.PREFIX + domain);
        Optional<ServedPolicy> served = d.isEmpty() ? Optional.empty() : serving.served(d.get()).map(ServedPolicy::of);
        if (served.isEmpty()) {
            System.err.println("tlsrpt-hub: no MTA-STS policy is served for " + domain
                    + " (not hosted, or a mode none policy past its serve_until); senders get 404");
            return 1;
        }
        if (json) System.out.println(Json.text(served.get()));
        else System.out.print(served.get().text());
        return 0;
    }

    private int all(PolicyServing serving) throws Exception {
        List<ServedPolicy> served = serving.servedNow().stream().map(ServedPolicy::of).toList();
        if (json) {
            System.out.println(Json.text(served));
            return 0;
        }
        if (served.isEmpty()) System.out.println("no hosted MTA-STS policy is served");
        for (ServedPolicy p : served) {
            System.out.printf("%-40s v%-4d %-28s %-8s max_age %-9d %s%n", p.domain(), p.version(), p.txtRecord(), p.mode(), p.maxAge(),
                    p.serveUntil() == null ? "" : "until " + p.serveUntil());
        }
        return 0;
    }
}
