package org.tlsrpthub.hub.analysis;

import java.time.Instant;

/**
 * An input that was not stored as reports, with why.
 *
 * @param id     the raw input's id (also the quarantine key)
 * @param kind   a parse-error kind (e.g. NOT_JSON) or OTHER_DOMAIN
 * @param reason the grouping reason; {@code message} the full text
 * @param expiresAt when it is deleted as junk (it holds no report and came through an open door);
 *               null: it may be a genuine report and is kept until someone reprocesses or deletes it
 */
public record QuarantinedInput(long id, String kind, String reason, String message, Instant quarantinedAt,
        String channel, Instant receivedAt, String origin, String messageId, String dkimResult, long sizeBytes,
        String sha256, Instant expiresAt) {}
