package org.tlsrpthub.hub.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tlsrpthub.hub.ingest.CoreInputDecoder;
import org.tlsrpthub.hub.ingest.IngestObserver;
import org.tlsrpthub.hub.ingest.IngestService;
import org.tlsrpthub.hub.ingest.PreparedInput;
import org.tlsrpthub.hub.store.Channel;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.Provenance;

/**
 * Generated TLS-RPT reports for the rule scenarios, stored through the normal ingest path so that the
 * rules read the rollups the store really keeps. Days count back from {@link #TODAY}: day -1 is
 * yesterday, the last complete day at {@link #AT}.
 */
public final class Scenario {
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    public static final Instant AT = TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC);

    private final IngestService ingest;
    private final List<PreparedInput> batch = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(); // report ids; two scenarios on one store use different reporters

    public Scenario(Database db) {
        this(db, IngestObserver.NONE);
    }

    /** Stores through an ingest service that tells {@code observer} about each commit. */
    public Scenario(Database db, IngestObserver observer) {
        this.ingest = new IngestService(db, new CoreInputDecoder(), Clock.fixed(AT, ZoneOffset.UTC), observer);
    }

    /** One failure detail: result type, receiving MX and failed sessions. */
    public record Failure(String type, String mx, long sessions) {}

    public static Failure failure(String type, String mx, long sessions) {
        return new Failure(type, mx, sessions);
    }

    /** A one-day report from {@code reporter} (its contact domain) about {@code domain} on {@code day} (relative to today). */
    public Scenario report(String domain, String reporter, int day, long ok, Failure... failures) {
        return report(domain, reporter, day, 1, ok, failures);
    }

    /** A report whose range covers {@code days} days (a weekly reporter's 7). */
    public Scenario report(String domain, String reporter, int day, int days, long ok, Failure... failures) {
        LocalDate start = TODAY.plusDays(day);
        long failed = 0;
        StringBuilder details = new StringBuilder();
        for (Failure f : failures) {
            failed += f.sessions();
            if (!details.isEmpty()) details.append(',');
            details.append("""
                    {"result-type":"%s","sending-mta-ip":"192.0.2.1","receiving-mx-hostname":"%s","failed-session-count":%d}"""
                    .formatted(f.type(), f.mx(), f.sessions()));
        }
        String json = """
                {"organization-name":"%s","date-range":{"start-datetime":"%sT00:00:00Z","end-datetime":"%sT23:59:59Z"},\
                "contact-info":"tlsrpt@%s","report-id":"r-%d","policies":[{"policy":{"policy-type":"sts",\
                "policy-string":["version: STSv1","mode: enforce","mx: mx1.%s","max_age: 86400"],"policy-domain":"%s",\
                "mx-host":["mx1.%s"]},"summary":{"total-successful-session-count":%d,"total-failure-session-count":%d},\
                "failure-details":[%s]}]}""".formatted(reporter, start, start.plusDays(days - 1), reporter, ids.incrementAndGet(), domain,
                domain, domain, ok, failed, details);
        batch.add(ingest.prepare(json.getBytes(StandardCharsets.UTF_8), new Provenance(Channel.HTTPS, AT, "192.0.2.10", null, null)));
        return this;
    }

    /** A daily report on each of the days [from, to). */
    public Scenario daily(String domain, String reporter, int from, int to, long ok, Failure... failures) {
        for (int d = from; d < to; d++) report(domain, reporter, d, ok, failures);
        return this;
    }

    /** Stores what was added. */
    public void store() throws Exception {
        ingest.commit(batch);
        batch.clear();
    }
}
