package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.hub.analysis.QuarantineQueryService;
import org.tlsrpthub.hub.analysis.QuarantinedInput;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.orgs.Scope;
import org.tlsrpthub.hub.reprocess.ReprocessService;
import org.tlsrpthub.hub.testsupport.ReportMail;

/**
 * POST /tlsrpt with the junk quota at two inputs: junk beyond it gets 503 and is not kept, while a
 * broken report (which may be genuine) and a good report are still taken. Junk carries its expiry.
 */
class JunkQuotaHttpTest {
    @TempDir Path dir;

    @Test
    void junkBeyondTheQuotaGets503WhileReportsAreStillTaken() throws Exception {
        try (RunningHub hub = new RunningHub(dir, Map.of("quarantine.junk-max-inputs", "2", "quarantine.junk-days", "7"))) {
            Instant before = Instant.now();
            assertThat(hub.post(bytes("junk one"), "application/tlsrpt+json").statusCode()).isEqualTo(400);
            assertThat(hub.post(bytes("junk two"), "application/tlsrpt+json").statusCode()).isEqualTo(400);

            HttpResponse<String> full = hub.post(bytes("junk three"), "application/tlsrpt+json");
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.body()).contains("quarantine-full").contains("not kept");
            assertThat(full.headers().firstValue("Retry-After")).hasValue("3600");

            // May be genuine: never refused by the junk quota, and kept without expiry.
            assertThat(hub.post(bytes("{\"organization-name\": \"broken\", "), "application/tlsrpt+json").statusCode())
                    .isEqualTo(400);
            assertThat(hub.post(ReportMail.from("example.com", "junk-quota-ok"), "application/tlsrpt+json").statusCode())
                    .isEqualTo(200);

            List<QuarantinedInput> items = new QuarantineQueryService(hub.db,
                    new ReprocessService(hub.db, new IngestService(hub.db, new CoreInputDecoder(), java.time.Clock.systemUTC())))
                    .list(Scope.wholeHub(), 0, 50).items();
            assertThat(items).hasSize(3);
            List<QuarantinedInput> junk = items.stream().filter(q -> q.expiresAt() != null).toList();
            assertThat(junk).hasSize(2).allSatisfy(q -> {
                assertThat(q.kind()).isEqualTo("UNRECOGNISED_FORMAT");
                assertThat(q.expiresAt()).isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
            });
            assertThat(items).filteredOn(q -> q.expiresAt() == null).singleElement()
                    .satisfies(q -> assertThat(q.kind()).isEqualTo("BAD_JSON"));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
