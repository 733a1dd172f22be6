package org.tlsrpthub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.hub.metrics.IngestMetrics;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.store.Provenance;
import org.tlsrpthub.hub.store.Quarantine;

/** A parser bug quarantines the input, and is logged with its stack trace and counted in /metrics. */
class ParserFailureTest {
    @TempDir
    Path dir;

    @Test
    void anUnexpectedParserExceptionIsLoggedAtErrorWithItsStackTraceAndCounted() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(IngestService.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        PrometheusRegistry registry = new PrometheusRegistry();
        // The decoder stands in for a parser with a bug: the real one has none we know of to trigger.
        InputDecoder buggy = (raw, source) -> {
            throw new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 7");
        };
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(dir))) {
            IngestService ingest = new IngestService(db, buggy, Clock.systemUTC(), new IngestMetrics(registry));
            IngestOutcome outcome = ingest.ingest("{}".getBytes(StandardCharsets.UTF_8),
                    new Provenance(Channel.HTTPS, Instant.now(), "198.51.100.7", null, null));

            assertThat(outcome.status()).isEqualTo(IngestStatus.QUARANTINED);
            assertThat(outcome.kind()).isEqualTo(Quarantine.INTERNAL_ERROR);
        } finally {
            logger.detachAppender(events);
        }
        assertThat(events.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage()).contains("event=parser-failure", "channel=https", "ArrayIndexOutOfBoundsException");
            assertThat(e.getThrowableProxy()).as("the stack trace").isNotNull();
            assertThat(e.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
        assertThat(scrape(registry)).contains("tlsrpthub_parser_failures_total{channel=\"https\"} 1.0");
    }

    private static String scrape(PrometheusRegistry registry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
