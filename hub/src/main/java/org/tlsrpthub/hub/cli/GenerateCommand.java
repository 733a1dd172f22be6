package org.tlsrpthub.hub.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Write realistic synthetic reports for N domains × M senders × D days.",
        description = {"Write realistic synthetic reports (Google-, Microsoft- and small-sender shapes, a mix of",
                "failure types) for N domains × M senders × D days, one file per report."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--domains", defaultValue = "10") int domains;
    @Option(names = "--senders", defaultValue = "5") int senders;
    @Option(names = "--days", defaultValue = "30") int days;
    @Option(names = "--start", defaultValue = "2025-01-01", description = "First day (default ${DEFAULT-VALUE}).") LocalDate start;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--gzip", description = "Write .json.gz files.") boolean gzip;
    @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        AtomicLong n = new AtomicLong();
        new ReportFiles(new ReportGenerator(seed, start), gzip).forEach(domains, senders, days, (name, bytes) -> {
            try {
                Files.write(out.resolve(name), bytes);
                n.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.printf("wrote %,d reports to %s%n", n.get(), out);
        return 0;
    }
}
