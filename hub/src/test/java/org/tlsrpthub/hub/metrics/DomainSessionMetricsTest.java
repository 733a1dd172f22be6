package org.tlsrpthub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.json.ReportWriter;
import org.tlsrpthub.hub.audit.Actor;
import org.tlsrpthub.hub.domains.DomainStore;
import org.tlsrpthub.hub.generate.ReportGenerator;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;

/** Anyone can post reports about any domain: the /metrics label values stay bounded. */
class DomainSessionMetricsTest {
    @TempDir
    Path dir;
    Database db;
    PrometheusRegistry registry = new PrometheusRegistry();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DatabaseLocation.sqliteUrl(dir));
        new DomainSessionMetrics(db, registry, Scope.wholeHub());
        IngestService ingest = new IngestService(db, new CoreInputDecoder(), Clock.systemUTC());
        ReportGenerator gen = new ReportGenerator(5, LocalDate.of(2026, 3, 1));
        ReportWriter writer = new ReportWriter();
        // one report each about 130 domains, and a second one about domain 0 (the most reported)
        for (int d = 0; d < 130; d++) {
            ingest.ingest(writer.write(gen.report(d, 0, 0)), new Provenance(Channel.HTTPS, Instant.now(), "test", null, null));
        }
        ingest.ingest(writer.write(gen.report(0, 1, 0)), new Provenance(Channel.HTTPS, Instant.now(), "test", null, null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void withoutServedDomainsTheMostReportedAreLabelledAndTheRestSummed() throws Exception {
        String text = scrape();
        Set<String> labels = domainLabels(text);
        assertThat(labels).hasSize(DomainSessionMetrics.MAX_LABELLED + 1)
                .contains(ReportGenerator.domainName(0), DomainSessionMetrics.OTHER);
        assertThat(value(text, ReportGenerator.domainName(0))).isEqualTo(2);
        assertThat(value(text, DomainSessionMetrics.OTHER)).isEqualTo(130 - DomainSessionMetrics.MAX_LABELLED);
    }

    @Test
    void withServedDomainsOnlyTheyAreLabelled() throws Exception {
        new DomainStore(db, Clock.systemUTC()).add(ReportGenerator.domainName(3).toUpperCase() + ".", Actor.system());
        String text = scrape();
        assertThat(domainLabels(text)).containsExactlyInAnyOrder(ReportGenerator.domainName(3), DomainSessionMetrics.OTHER);
        assertThat(value(text, DomainSessionMetrics.OTHER)).isEqualTo(130);
    }

    private String scrape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> domainLabels(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith("tlsrpthub_domain_reports_total{"))
                .map(l -> l.substring(l.indexOf("domain=\"") + 8, l.indexOf('"', l.indexOf("domain=\"") + 8)))
                .collect(Collectors.toSet());
    }

    private static long value(String text, String domain) {
        String series = "tlsrpthub_domain_reports_total{domain=\"" + domain + "\"} ";
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(series))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(series.length()))).findFirst().orElseThrow();
    }
}
