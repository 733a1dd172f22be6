package org.tlsrpthub.hub.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.core.report.Report;

/**
 * Generated reports as the bytes a sender would deliver, named like real attachments
 * (RFC 8460 §5.3: {@code submitter!policy-domain!begin!end!id.json[.gz]}).
 */
public final class ReportFiles {
    private final ReportGenerator generator;
    private final boolean gzip;
    private final ReportWriter writer = new ReportWriter();

    public ReportFiles(ReportGenerator generator, boolean gzip) {
        this.generator = generator;
        this.gzip = gzip;
    }

    /** Hands every (file name, bytes) for domains × senders × days to {@code sink}, day by day. */
    public void forEach(int domains, int senders, int days, BiConsumer<String, byte[]> sink) {
        for (int day = 0; day < days; day++) {
            for (int d = 0; d < domains; d++) {
                for (int s = 0; s < senders; s++) {
                    Report r = generator.report(d, s, day);
                    sink.accept(name(r, d, s), bytes(r));
                }
            }
        }
    }

    private String name(Report r, int domain, int sender) {
        String submitter = r.reporterKey();
        return submitter + "!" + ReportGenerator.domainName(domain) + "!" + r.dateRange().start().getEpochSecond() + "!"
                + r.dateRange().end().getEpochSecond() + "!" + sender + ".json" + (gzip ? ".gz" : "");
    }

    private byte[] bytes(Report r) {
        byte[] json = writer.write(r);
        if (!gzip) return json;
        var out = new ByteArrayOutputStream(json.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
