package org.tlsrpthub.hub.testsupport;

import org.tlsrpthub.core.testsupport.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.tlsrpthub.core.ReportParseException;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;

/** The .eml files of the shared corpus and the totals they must produce once stored. */
public final class CorpusMail {
    private CorpusMail() {}

    public static List<Path> emails() {
        try (Stream<Path> s = Files.list(Corpus.reportsDir())) {
            List<Path> out = s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
            if (out.isEmpty()) throw new AssertionError("the corpus holds no .eml file");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** [distinct reports, successful sessions, failed sessions] as the decoder sees them, deduplicated like the store. */
    public static List<Long> expectedTotals(List<Path> files) throws ReportParseException {
        CoreInputDecoder decoder = new CoreInputDecoder();
        Set<List<Object>> seen = new HashSet<>();
        long ok = 0;
        long failed = 0;
        for (Path p : files) {
            for (ParsedReport pr : decoder.decode(read(p), p.toString()).reports()) {
                Report r = pr.report();
                if (seen.add(List.of(r.reporterKey(), r.reportId(), r.dateRange().start(), r.dateRange().end()))) {
                    ok += r.totalSuccessfulSessions();
                    failed += r.totalFailureSessions();
                }
            }
        }
        return new ArrayList<>(List.of((long) seen.size(), ok, failed));
    }
}
