package org.tlsrpthub.hub.alerts;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.PolicyResult;
import org.tlsrpthub.hub.ingest.IngestObserver;
import org.tlsrpthub.hub.ingest.IngestOutcome;
import org.tlsrpthub.hub.ingest.IngestStatus;
import org.tlsrpthub.hub.ingest.PreparedInput;

/**
 * Evaluates the domains an ingest commit touched, off the ingest path: the committing thread only
 * adds the domain names to a set; a background thread takes the set every
 * {@code alerts.ingest-debounce-seconds} and evaluates each domain once, however many reports about
 * it arrived meanwhile.
 */
public final class IngestEvaluations implements IngestObserver, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IngestEvaluations.class);

    private final AlertService alerts;
    private final Clock clock;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alerts-after-ingest");
        t.setDaemon(true);
        return t;
    });

    public IngestEvaluations(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
        long every = alerts.settings().debounce().toMillis();
        timer.scheduleWithFixedDelay(this::evaluatePending, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void committed(List<PreparedInput> inputs, List<IngestOutcome> outcomes, long nanos) {
        for (int i = 0; i < inputs.size(); i++) {
            if (outcomes.get(i).status() != IngestStatus.STORED) continue;
            for (ParsedReport r : inputs.get(i).reports()) {
                for (PolicyResult p : r.report().policies()) {
                    if (p.policy().domain() != null) pending.add(p.policy().domain());
                }
            }
        }
    }

    /** Evaluates what is pending now; the timer calls it, and tests may. */
    public IncidentChanges evaluatePending() {
        if (pending.isEmpty()) return new IncidentChanges(0, 0, 0);
        Set<String> domains = new TreeSet<>();
        for (String d : pending) {
            if (pending.remove(d)) domains.add(d);
        }
        try {
            return alerts.run(clock.instant(), domains);
        } catch (Exception | Error e) {
            // the scheduled full evaluation catches up; a failure here must not stop later rounds
            log.warn("event=alerts-after-ingest-failed domains={} error=\"{}\"", domains.size(), e.toString());
            return new IncidentChanges(0, 0, 0);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
