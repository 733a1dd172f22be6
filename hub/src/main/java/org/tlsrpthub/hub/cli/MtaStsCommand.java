package org.tlsrpthub.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub mta-sts …}: MTA-STS record and policy file checks (RFC 8461). */
@Command(name = "mta-sts",
        mixinStandardHelpOptions = true,
        description = "Check an MTA-STS TXT record or policy file (RFC 8461); show the hosted policies served.",
        subcommands = {MtaStsCheckRecordCommand.class, MtaStsCheckPolicyCommand.class, MtaStsServedCommand.class})
final class MtaStsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check-record, check-policy or served");
    }
}
