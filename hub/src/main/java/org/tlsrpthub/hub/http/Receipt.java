package org.tlsrpthub.hub.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.List;
import java.util.Locale;
import org.tlsrpthub.hub.ingest.IngestOutcome;

/**
 * The body of a 2xx answer: what became of the input and of each report in it. Written with one
 * prepared Jackson writer, as it goes out with every accepted report.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Receipt(String status, String requestId, String reason, List<Item> reports) {

    record Item(String reportId, String reporter, String status) {}

    private static final ObjectWriter WRITER = new ObjectMapper().writerFor(Receipt.class);

    static Receipt of(IngestOutcome outcome, String requestId) {
        return new Receipt(name(outcome.status()), requestId, outcome.reason(), outcome.reports().stream()
                .map(r -> new Item(r.reportId(), r.reporterKey(), name(r.status()))).toList());
    }

    byte[] toJson() {
        try {
            return WRITER.writeValueAsBytes(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
