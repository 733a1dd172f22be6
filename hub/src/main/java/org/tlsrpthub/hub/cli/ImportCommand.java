package org.tlsrpthub.hub.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.tlsrpthub.hub.importer.ImportRunner;
import org.tlsrpthub.hub.importer.ImportSummary;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Import reports from files, directories, mbox files and Maildir folders.",
        description = {"Import reports from files (.json, .json.gz, .gz, .zip, .eml — recognised by content),",
                "directories (recursively), mbox files and Maildir folders.",
                "Exit status 0 unless an input could not be read at all (1), 3 on a database error."})
final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print only {\"stored\":n,\"duplicates\":n,\"quarantined\":n,\"rejected\":n}.")
    boolean json;

    @Option(names = "--writers", defaultValue = "0",
            description = "Parallel write transactions (default: 1 on SQLite, 3 on PostgreSQL).")
    int writers;

    @Option(names = "--batch-size", defaultValue = "5000", description = "Inputs per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        try (Database db = StoreOptions.of(spec).open()) {
            IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
            ImportRunner runner = new ImportRunner(ingest, Clock.systemUTC(), Math.max(1, batchSize),
                    Math.max(1, Runtime.getRuntime().availableProcessors()), StoreOptions.writers(writers, db));
            Progress progress = Terminal.isInteractive() ? new Progress() : null;
            ImportSummary s = runner.run(paths, progress == null ? n -> { } : progress);
            if (progress != null) progress.done();
            print(s);
            return s.unreadable().isEmpty() ? 0 : 1;
        }
    }

    private void print(ImportSummary s) {
        for (String u : s.unreadable()) System.err.println("tlsrpt-hub: could not read " + u);
        if (json) {
            System.out.println(s.toJson());
            return;
        }
        System.out.printf("%d inputs: %d reports stored, %d duplicates, %d quarantined, %d rejected%n",
                s.inputs(), s.stored(), s.duplicates(), s.quarantined(), s.rejected());
        for (Map.Entry<String, Long> e : s.reasons().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList()) {
            System.out.printf("  %6d × %s, e.g. %s%n", e.getValue(), e.getKey(), s.examples().get(e.getKey()));
        }
        if (!s.unreadable().isEmpty()) System.out.printf("%d inputs could not be read%n", s.unreadable().size());
    }

    /** A one-line counter on stderr, redrawn at most four times a second. */
    private static final class Progress implements LongConsumer {
        private final long start = System.nanoTime();
        private long lastDraw;

        @Override
        public void accept(long written) {
            long now = System.nanoTime();
            if (now - lastDraw < 250_000_000L) return;
            lastDraw = now;
            double secs = (now - start) / 1e9;
            System.err.printf("\rimported %,d inputs (%,.0f/s)   ", written, written / Math.max(secs, 1e-3));
        }

        void done() {
            System.err.print("\r\033[K");
        }
    }
}
