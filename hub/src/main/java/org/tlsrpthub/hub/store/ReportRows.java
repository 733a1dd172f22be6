package org.tlsrpthub.hub.store;

import java.util.List;
import java.util.Set;
import org.tlsrpthub.core.report.ParsedReport;
import org.tlsrpthub.core.report.Report;

/**
 * The reports of one write, flattened in request order, with their ids, identities, content hashes
 * and whether each was new.
 */
record ReportRows(List<Report> reports, List<ParsedReport> parsed, List<Integer> requestOf,
        long[] reportIds, ReporterIdentity[] identities, String[] reporterKeys, byte[][] contentHashes,
        Set<Long> inserted, int[] firstOfRequest, int[] countOfRequest) {

    /** True when request {@code i} has reports and none of them was new. */
    boolean allKnown(int i) {
        if (countOfRequest[i] == 0) return false;
        for (int k = firstOfRequest[i]; k < firstOfRequest[i] + countOfRequest[i]; k++) {
            if (inserted.contains(reportIds[k])) return false;
        }
        return true;
    }

    boolean anyNew(int i) {
        return countOfRequest[i] > 0 && !allKnown(i);
    }

    Report firstReport(int i) {
        return reports.get(firstOfRequest[i]);
    }
}
