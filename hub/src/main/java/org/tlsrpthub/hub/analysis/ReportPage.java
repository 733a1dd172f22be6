package org.tlsrpthub.hub.analysis;

import java.util.List;

/** @param matching reports that pass the filter, over all pages */
public record ReportPage(int page, int size, long matching, List<ReportListItem> reports) {}
