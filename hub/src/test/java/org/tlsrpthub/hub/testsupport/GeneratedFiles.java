package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.tlsrpthub.hub.generate.ReportFiles;
import org.tlsrpthub.hub.generate.ReportGenerator;

/** Writes generated report files for import tests; returns how many. */
public final class GeneratedFiles {
    private GeneratedFiles() {}

    public static int write(Path dir, int domains, int senders, int days) throws IOException {
        Files.createDirectories(dir);
        int[] n = {0};
        new ReportFiles(new ReportGenerator(11, LocalDate.of(2025, 6, 1)), false).forEach(domains, senders, days, (name, bytes) -> {
            try {
                Files.write(dir.resolve(name), bytes);
                n[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return n[0];
    }
}
