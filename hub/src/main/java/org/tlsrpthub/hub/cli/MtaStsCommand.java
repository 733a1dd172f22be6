package org.tlsrpthub.hub.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlsrpt-hub mta-sts …}: MTA-STS record and policy file checks (RFC 8461), and the policies the hub hosts. */
@Command(name = "mta-sts",
        mixinStandardHelpOptions = true,
        description = "Check an MTA-STS TXT record or policy file (RFC 8461); host, promote, roll back and import policies the hub serves, and show what it serves.",
        subcommands = {MtaStsCheckRecordCommand.class, MtaStsCheckPolicyCommand.class, MtaStsServedCommand.class, MtaStsHostingCommands.Host.class,
                MtaStsHostingCommands.Promote.class, MtaStsHostingCommands.Rollback.class, MtaStsHostingCommands.Import.class,
                MtaStsHostingCommands.Show.class, MtaStsHostingCommands.ListHosted.class})
final class MtaStsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: check-record, check-policy, served, host, promote, rollback, import, show or list");
    }
}
