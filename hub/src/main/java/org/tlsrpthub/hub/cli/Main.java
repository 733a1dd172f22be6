package org.tlsrpthub.hub.cli;

import org.tlsrpthub.hub.parse.ParseCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tlsrpt-hub} command line. */
@Command(name = "tlsrpt-hub",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Receive, parse, store and analyse SMTP TLS Reporting (RFC 8460) reports.",
        subcommands = {
                RecordCommand.class,
                MtaStsCommand.class,
                CommandLine.HelpCommand.class,
                ParseCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status; used by tests without exiting the JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, so that tests can capture its output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
