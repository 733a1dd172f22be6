package org.tlsrpthub.hub.serve;

/**
 * A way reports come in besides HTTP (the SMTP listener, IMAP pollers, a Maildir watcher). Each
 * hands its inputs to the shared {@link org.tlsrpthub.hub.ingest.GroupCommitter} or
 * {@link org.tlsrpthub.hub.ingest.IngestService}, and acknowledges (SMTP 250, IMAP move) only
 * after the commit.
 */
public interface Receiver extends AutoCloseable {

    /** A short name for logs, e.g. "smtp 0.0.0.0:25" or "imap work". */
    String name();

    /** Starts receiving; returns once it is listening or polling. */
    void start() throws Exception;

    /** Stops taking new input and finishes what is in flight; called before the store is closed. */
    @Override
    void close() throws Exception;
}
