package org.tlsrpthub.hub.audit;

import java.util.List;

/** One page of entries matching a query, newest first; {@code matching} counts all pages. */
public record AuditPage(int page, int size, long matching, List<AuditEntry> items) {}
