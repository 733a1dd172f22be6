package org.tlsrpthub.hub.alerts;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where incident transitions go to be delivered: the notification outbox. {@link #enqueue} writes on
 * the caller's connection, inside the caller's transaction, and sends nothing itself.
 */
@FunctionalInterface
public interface TransitionSink {
    void enqueue(Connection c, IncidentTransition transition) throws SQLException;
}
