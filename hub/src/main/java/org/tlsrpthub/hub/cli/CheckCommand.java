package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckService;
import org.tlsrpthub.hub.checks.DomainCheck;
import org.tlsrpthub.hub.checks.probe.ProbingChecker;
import org.tlsrpthub.hub.config.SettingsException;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.net.HostPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub check DOMAIN… [--json]}: the live check of each domain, now (docs/checks.md). */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {"Check domains live: the TLS-RPT record (and whether its rua reaches this hub), the MTA-STS record and"
                + " policy (fetched as a sender does), the MX hosts and their coverage by the policy. Every problem is a finding"
                + " with an id, a severity and the fix (docs/checks.md). The checks.* settings give the options' defaults.",
                "With --json: one object per domain; for several domains a JSON array of them, in the order given.",
                "Exit status: 0 no finding of severity error, 1 at least one, 2 usage error."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DOMAIN", description = "Domains to check.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--resolver", paramLabel = "HOST:PORT", description = "DNS server to ask instead of the system's (setting checks.resolver).")
    String resolver;

    @Option(names = "--smtp-port", paramLabel = "N", description = "Port of the STARTTLS probes (setting checks.smtp-port, default 25).")
    Integer smtpPort;

    @Option(names = "--https-port", paramLabel = "N", description = "Port of the MTA-STS policy fetch (setting checks.https-port, default 443).")
    Integer httpsPort;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust this CA besides the JDK's trust store (setting checks.ca-file).")
    Path caFile;

    @Option(names = "--allow-private", description = "Allow loopback and private-network targets (setting checks.allow-private).")
    boolean allowPrivate;

    @Override
    public Integer call() {
        CheckService service = service();
        List<DomainCheck> results = domains.stream().map(service::check).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Object value = results.size() == 1 ? results.getFirst() : results;
            Json.print(out, g -> g.writeObject(value));
        } else {
            results.forEach(r -> CheckText.print(out, r));
            out.flush();
        }
        return results.stream().anyMatch(DomainCheck::hasErrors) ? 1 : 0;
    }

    /** The service with the checks.* settings and this command line's options on top; a bad value is a usage error (exit 2). */
    private CheckService service() {
        try {
            CheckOptions o = CheckOptions.from(StoreOptions.of(spec).settings());
            if (resolver != null) o = o.withResolver(HostPort.resolver("--resolver", resolver));
            if (smtpPort != null || httpsPort != null) {
                o = o.withPorts(smtpPort != null ? smtpPort : o.smtpPort(), httpsPort != null ? httpsPort : o.httpsPort());
            }
            if (caFile != null) o = o.withCaFile(caFile);
            if (allowPrivate) o = o.withAllowPrivate(true);
            return ProbingChecker.service(o, ProbingChecker.limiter(Clock.systemUTC()), Clock.systemUTC());
        } catch (SettingsException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("checks.ca-file", caFile != null ? "--ca-file" : "checks.ca-file"));
        }
    }
}
