package org.tlsrpthub.hub.hosting;

/** Told of every answer to a policy request: the metrics count them. */
public interface ServingObserver {
    ServingObserver NONE = served -> {};

    /** @param served true when a policy was served, false for a 404 */
    void answered(boolean served);
}
