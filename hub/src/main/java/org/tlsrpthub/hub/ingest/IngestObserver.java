package org.tlsrpthub.hub.ingest;

import java.util.List;
import org.tlsrpthub.hub.store.Channel;

/** Told about every committed batch of inputs (metrics), and about parser failures. */
@FunctionalInterface
public interface IngestObserver {
    IngestObserver NONE = (inputs, outcomes, nanos) -> { };

    /**
     * Called after the commit, on the committing thread.
     *
     * @param inputs   the inputs, in order
     * @param outcomes their outcomes, in the same order
     * @param nanos    how long the transaction took, retries included
     */
    void committed(List<PreparedInput> inputs, List<IngestOutcome> outcomes, long nanos);

    /** Tells this observer, then {@code next}. */
    default IngestObserver and(IngestObserver next) {
        IngestObserver first = this;
        return new IngestObserver() {
            @Override
            public void committed(List<PreparedInput> inputs, List<IngestOutcome> outcomes, long nanos) {
                first.committed(inputs, outcomes, nanos);
                next.committed(inputs, outcomes, nanos);
            }

            @Override
            public void parserFailed(Channel channel) {
                first.parserFailed(channel);
                next.parserFailed(channel);
            }
        };
    }

    /** The parser failed unexpectedly (a bug, not bad input) on an input that came by {@code channel}. */
    default void parserFailed(Channel channel) {}
}
