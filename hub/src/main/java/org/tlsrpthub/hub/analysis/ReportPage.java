package org.tlsrpthub.hub.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * @param matching reports that pass the filter, over all pages
 * @param reports  this page; "items" in JSON, the one envelope of every API list (page, size, matching, items)
 */
public record ReportPage(int page, int size, long matching, @JsonProperty("items") List<ReportListItem> reports) {}
