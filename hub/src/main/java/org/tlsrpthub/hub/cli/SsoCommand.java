package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.oidc.SsoService;
import org.tlsrpthub.hub.oidc.SsoStatus;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sso", mixinStandardHelpOptions = true,
        header = "Single sign-on with an OpenID Connect provider (docs/sso.md).",
        subcommands = {SsoCommand.Check.class})
final class SsoCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Shows the single sign-on settings and checks the provider now: its discovery document, endpoints",
                    "and signing keys. Prints the redirect URI to register at the provider. Exit status 0 when the provider",
                    "can be used, 1 when not (or when single sign-on is off)."})
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--json", description = "Print the result as JSON (the same as GET /api/v1/sso).")
        boolean json;

        @Override
        public Integer call() {
            StoreOptions store = StoreOptions.of(spec);
            SsoStatus s;
            try (Database db = store.open()) {
                s = SsoService.configured(store.settings(), db, Clock.systemUTC()).status();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.text(s));
            } else if (!s.enabled()) {
                out.println("single sign-on is off (oidc.issuer is not set); local sign-in is " + (s.localSignIn() ? "on" : "off"));
            } else {
                out.println("issuer:        " + s.issuer());
                out.println("client id:     " + s.clientId());
                out.println("redirect URI:  " + s.redirectUri() + "   (register this at the provider)");
                out.println("scopes:        " + String.join(" ", s.scopes()));
                out.println("claim:         " + s.claim());
                s.roleMapping().forEach(r -> out.println("role mapping:  " + r));
                out.println("local sign-in: " + (s.localSignIn() ? "on" : "off"));
                out.println(s.providerReachable() ? "provider:      OK, " + s.signingKeys() + " signing key(s)" : "provider:      NOT usable: " + s.problem());
            }
            out.flush();
            return s.enabled() && s.providerReachable() ? 0 : 1;
        }
    }
}
