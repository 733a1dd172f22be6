package org.tlsrpthub.hub.testsupport;

import org.tlsrpthub.core.testsupport.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;

/**
 * The dashboard tests' data, stored through the normal ingest path: generated reports for five
 * domains (four reported until yesterday, one silent for the last four weeks) and every report of
 * the shared corpus, plus one input that cannot be parsed (quarantine).
 */
public final class DashboardData {
    /** "Now" for every dashboard test. */
    public static final Instant NOW = Instant.parse("2026-02-20T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    public static final int DOMAINS = 5;
    public static final int SENDERS = 4;
    /** Reported days for domains 0..3: 2026-01-01 .. 2026-02-19 (yesterday). */
    public static final int DAYS = 50;
    /** domain4.example is reported for its first 20 days only. */
    public static final int SILENT_DOMAIN = 4;
    public static final int SILENT_DOMAIN_DAYS = 20;
    public static final byte[] BROKEN_INPUT = "{\"organization-name\": \"broken\", ".getBytes();

    private DashboardData() {}

    /** Stores everything; returns the ingest service used. */
    public static IngestService load(Database db) throws Exception {
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), CLOCK);
        ReportGenerator gen = new ReportGenerator(5, FIRST_DAY);
        ReportWriter writer = new ReportWriter();
        List<PreparedInput> batch = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (int d = 0; d < DOMAINS; d++) {
                if (d == SILENT_DOMAIN && day >= SILENT_DOMAIN_DAYS) continue;
                for (int s = 0; s < SENDERS; s++) {
                    Instant received = FIRST_DAY.plusDays(day + 1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
                    batch.add(ingest.prepare(writer.write(gen.report(d, s, day)),
                            new Provenance(Channel.HTTPS, received, "192.0.2." + (s + 10), null, null)));
                }
            }
            if (batch.size() >= 500) {
                ingest.commit(batch);
                batch.clear();
            }
        }
        for (Path f : corpusReports()) {
            batch.add(ingest.prepare(Files.readAllBytes(f), Provenance.file(f.toString(), NOW.minusSeconds(600))));
        }
        batch.add(ingest.prepare(BROKEN_INPUT, new Provenance(Channel.SMTP, NOW.minusSeconds(60), "198.51.100.9",
                "<broken@example>", "pass d=example.net")));
        ingest.commit(batch);
        return ingest;
    }

    /** The corpus's reports, or none outside this workspace: the generated data alone is what most tests read. */
    public static List<Path> corpusReports() throws Exception {
        Path dir = Corpus.reportsDirIfPresent().orElse(null);
        if (dir == null) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    public static String domain(int i) {
        return ReportGenerator.domainName(i);
    }
}
