package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.retention.RetentionService;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Delete raw inputs and failure details older than N days; reports and rollups stay.",
                "Quarantined inputs are kept whatever their age, except junk past its expiry",
                "(input holding no report that came over HTTP or SMTP; quarantine.junk-days)."})
final class RetentionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--retention-days", paramLabel = "N",
            description = "Keep this many days (setting retention.days, env TLSRPT_RETENTION_DAYS).")
    Integer days;

    @Option(names = "--dry-run", description = "Only show what would be deleted.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Integer n = days != null ? days : StoreOptions.of(spec).settings().get("retention.days") == null ? null
                : StoreOptions.of(spec).settings().getInt("retention.days", 0);
        if (n == null) {
            System.err.println("tlsrpt-hub retention: say how many days to keep (--retention-days N)");
            return 2;
        }
        try (Database db = StoreOptions.of(spec).open()) {
            RetentionService.Result r = new RetentionService(db, Clock.systemUTC()).apply(n, dryRun);
            System.out.printf("%s %,d raw inputs and %,d failure details from before %s, and %,d expired junk inputs%n",
                    r.dryRun() ? "would delete" : "deleted", r.rawInputs(), r.failureDetails(), r.cutoff(), r.expiredJunk());
            return 0;
        }
    }
}
