package org.tlsrpthub.hub.store;

import java.util.List;

/**
 * What writing one {@link StoreRequest} did.
 *
 * @param rawInputId the archive row of the input (new, or the earlier one with the same sha256)
 * @param fates      per report of the request, in order, what became of it
 */
public record StoreResult(long rawInputId, List<Fate> fates) {
    public StoreResult {
        fates = List.copyOf(fates);
    }

    /** What became of one report. */
    public enum Fate {
        /** Stored now: new, or a DKIM-verified report that displaced an unverified one with its key. */
        STORED,
        /** Already stored with the same content (a sighting was recorded on a new arrival). */
        DUPLICATE,
        /** The key of a stored report with other content: kept in review (quarantine kind CONFLICT). */
        HELD
    }
}
