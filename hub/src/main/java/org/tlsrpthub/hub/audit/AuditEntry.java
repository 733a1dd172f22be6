package org.tlsrpthub.hub.audit;

import java.time.Instant;

/**
 * One recorded entry, as read back.
 *
 * @param org    null for a hub-wide action
 * @param before JSON text; null when not applicable
 * @param after  JSON text; null when not applicable
 */
public record AuditEntry(long id, Instant at, String org, String actor, String actorKind, String address,
        String action, String target, String before, String after, String detail) {}
