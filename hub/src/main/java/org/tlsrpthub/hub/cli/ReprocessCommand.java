package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = {"Re-parse quarantined inputs (e.g. after a parser upgrade or after adding a domain).",
                "Reports already stored are never stored twice; with --all, those that the new parser reads",
                "differently are updated in place (same id, sightings and provenance; rollups corrected)."})
final class ReprocessCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Re-parse every archived raw input, not only quarantined ones.")
    boolean all;

    @Option(names = "--json", description = "Print only the counts as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Database db = StoreOptions.of(spec).open()) {
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            ReprocessService.Result r = new ReprocessService(db, ingest).run(all, Actor.cli());
            if (json) {
                print(r);
                return 0;
            }
            System.out.printf("%d inputs re-parsed: %d released from quarantine, %d still quarantined, %d reports stored%n",
                    r.inputs(), r.released(), r.stillQuarantined(), r.reportsStored());
            System.out.printf("reports stored before: %d updated, %d unchanged, %d kept: raw details expired%n",
                    r.reportsUpdated(), r.reportsUnchanged(), r.reportsKeptDetailsExpired());
            return 0;
        }
    }

    /** One line, like import's --json; the names are those of the API's reprocess result. */
    private static void print(ReprocessService.Result r) {
        System.out.printf("{\"inputs\":%d,\"released\":%d,\"stillQuarantined\":%d,\"reportsStored\":%d,"
                + "\"reportsUpdated\":%d,\"reportsUnchanged\":%d,\"reportsKeptDetailsExpired\":%d}%n",
                r.inputs(), r.released(), r.stillQuarantined(), r.reportsStored(), r.reportsUpdated(),
                r.reportsUnchanged(), r.reportsKeptDetailsExpired());
    }
}
