package org.tlsrpthub.hub.ingest;

import java.util.List;

/** Told about every committed batch of inputs (metrics). Called after the commit, on the committing thread. */
@FunctionalInterface
public interface IngestObserver {
    IngestObserver NONE = (inputs, outcomes, nanos) -> { };

    /**
     * @param inputs   the inputs, in order
     * @param outcomes their outcomes, in the same order
     * @param nanos    how long the transaction took, retries included
     */
    void committed(List<PreparedInput> inputs, List<IngestOutcome> outcomes, long nanos);
}
