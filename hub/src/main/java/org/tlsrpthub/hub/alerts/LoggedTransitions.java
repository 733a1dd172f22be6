package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink while no delivery is configured: each transition is one log line (the incident, its history
 * and the pages hold the rest). The notification outbox replaces it.
 */
public final class LoggedTransitions implements TransitionSink {
    private static final Logger log = LoggerFactory.getLogger(LoggedTransitions.class);

    @Override
    public void enqueue(Connection c, IncidentTransition t) {
        log.info("event=incident-{} id={} domain=\"{}\" rule={} subject=\"{}\" severity={} summary=\"{}\"", t.kind().name().toLowerCase(java.util.Locale.ROOT),
                t.incidentId(), t.domain(), t.rule(), t.subject(), t.severity(), t.summary());
    }
}
