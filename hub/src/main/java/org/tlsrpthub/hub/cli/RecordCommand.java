package org.tlsrpthub.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub record …}: the TLS-RPT DNS record (RFC 8460 §3). */
@Command(name = "record",
        mixinStandardHelpOptions = true,
        description = "Check or generate the TLS-RPT TXT record published at _smtp._tls.<domain> (RFC 8460 §3).",
        subcommands = {RecordCheckCommand.class, RecordGenerateCommand.class})
final class RecordCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check or generate");
    }
}
