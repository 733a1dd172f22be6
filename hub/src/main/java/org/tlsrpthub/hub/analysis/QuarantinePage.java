package org.tlsrpthub.hub.analysis;

import java.util.List;

/** @param matching every quarantined input, over all pages; the one envelope of every API list (page, size, matching, items) */
public record QuarantinePage(int page, int size, long matching, List<QuarantinedInput> items) {}
