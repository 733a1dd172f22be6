package org.tlsrpthub.hub.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.Report;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;

/**
 * The ingest batch before each incremental evaluation of the alerts benchmark: one more report per
 * domain about the last reported day, committed as ingest commits it, so that the evaluation meets
 * what it meets after a real batch (the newest day of each of its domains changed).
 */
final class NewReports {
    private final ReportGenerator gen;
    private final IngestService ingest;
    private final ReportWriter writer = new ReportWriter();
    private final Clock clock;
    private final int day;
    private int batches;

    NewReports(Database db, Clock clock, LocalDate first, int day) {
        this.gen = new ReportGenerator(17, first);
        this.ingest = new IngestService(db, new CoreInputDecoder(), clock);
        this.clock = clock;
        this.day = day;
    }

    static List<String> names(List<Integer> domains) {
        return domains.stream().map(ReportGenerator::domainName).toList();
    }

    /** Commits one new report (a new report id) about each of {@code domains}. */
    Object ingest(List<Integer> domains) throws Exception {
        batches++;
        List<PreparedInput> inputs = new ArrayList<>();
        for (int d : domains) {
            Report r = gen.report(d, 0, day);
            Report again = new Report(r.organizationName(), r.dateRange(), r.contactInfo(), r.reportId() + "-bench-" + batches, r.policies());
            inputs.add(ingest.prepare(writer.write(again), Provenance.file("bench/again/" + d + "/" + batches + ".json", clock.instant())));
        }
        for (IngestOutcome o : ingest.commit(inputs)) {
            if (o.status() != IngestStatus.STORED) throw new IllegalStateException("a benchmark report was not stored: " + o);
        }
        return null;
    }
}
