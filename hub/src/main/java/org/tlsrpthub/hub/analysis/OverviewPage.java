package org.tlsrpthub.hub.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A page of the overview.
 *
 * @param matching       domains that pass the filters (all pages)
 * @param statusCounts   domains per status among those matching the name filter (before the status filter)
 * @param totals         sums over every domain matching the filters
 * @param domains        this page; "items" in JSON, the one envelope of every API list (page, size, matching, items)
 */
public record OverviewPage(Period period, int page, int size, int matching, Map<DomainStatus, Integer> statusCounts,
        SessionTotals totals, @JsonProperty("items") List<DomainOverview> domains) {}
