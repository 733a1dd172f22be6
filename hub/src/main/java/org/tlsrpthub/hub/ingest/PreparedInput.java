package org.tlsrpthub.hub.ingest;

import java.util.List;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.hub.store.Quarantine;
import org.tlsrpthub.hub.store.RawInput;

/**
 * An input after the CPU work (decoding, hashing, compressing) and before the transaction. Made
 * by {@link IngestService#prepare}, possibly on many threads, then written by {@link IngestService#commit}.
 *
 * @param reports    the decoded reports; empty when decoding failed
 * @param parseError why decoding failed; null when it succeeded
 */
public record PreparedInput(RawInput raw, List<ParsedReport> reports, Quarantine parseError) {
    public PreparedInput {
        reports = List.copyOf(reports);
    }

    /** This input as re-read from archive row {@code rawInputId} (reprocessing): no second copy is archived. */
    public PreparedInput archivedAs(long rawInputId) {
        return new PreparedInput(raw.archivedAs(rawInputId), reports, parseError);
    }
}
