package org.tlsrpthub.hub.store;

import java.util.List;

/**
 * What writing one {@link StoreRequest} did.
 *
 * @param rawInputId the archive row of the input (new, or the earlier one with the same sha256)
 * @param stored     per report of the request, in order: true when stored now, false when it was
 *                   already there (a sighting was recorded instead)
 */
public record StoreResult(long rawInputId, List<Boolean> stored) {
    public StoreResult {
        stored = List.copyOf(stored);
    }
}
