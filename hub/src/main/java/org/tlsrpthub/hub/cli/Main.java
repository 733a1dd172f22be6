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
                CommandLine.HelpCommand.class,
                ServeCommand.class,
                ParseCommand.class,
                ImportCommand.class,
                SummaryCommand.class,
                OverviewCommand.class,
                DomainsCommand.class,
                ReprocessCommand.class,
                RetentionCommand.class,
                JobsCommand.class,
                NotificationsCommand.class,
                AlertsCommand.class,
                ChecksCommand.class,
                RecordCommand.class,
                MtaStsCommand.class,
                CheckCommand.class,
                ReadinessCommand.class,
                UsersCommand.class,
                OrgCommand.class,
                TokensCommand.class,
                AuditCommand.class,
                OwnersCommand.class,
                AssignmentCommand.class,
                SsoCommand.class,
                GenerateCommand.class,
                BenchCommand.class,
        })
public final class Main {
    /** --db, --data-dir, --config: global, accepted before or after any subcommand. */
    @CommandLine.Mixin
    StoreOptions store;

    public static void main(String[] args) {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every multipart and
        // body part it builds (jar scanning, a quarter of the CPU of decoding a report email).
        // Naming the provider skips the scan.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status; used by tests without exiting the JVM. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, so that tests can capture its output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportFailure);
    }

    /** A failure inside a command: one readable line, not a stack trace (set TLSRPT_DEBUG=1 for it). */
    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        // a settings problem is the operator's to fix: its own words, without a Java class name
        cmd.getErr().println("tlsrpt-hub " + cmd.getCommandName() + ": "
                + (e instanceof org.tlsrpthub.hub.config.SettingsException || e instanceof org.tlsrpthub.hub.ownership.OwnershipException
                        || e instanceof org.tlsrpthub.hub.orgs.OrgException || e instanceof org.tlsrpthub.hub.hosting.HostingException
                        ? e.getMessage() : e));
        if (System.getenv("TLSRPT_DEBUG") != null) e.printStackTrace(cmd.getErr());
        return e instanceof java.sql.SQLException || e.getCause() instanceof java.sql.SQLException ? 3 : 1;
    }
}
