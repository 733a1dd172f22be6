package org.tlsrpthub.hub.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Where and when an input came from.
 *
 * @param channel    the path it took
 * @param receivedAt when the hub received it
 * @param origin     file path, or remote address for network paths; null when unknown
 * @param messageId  the email's Message-ID when it came by mail; null otherwise
 * @param dkimResult the DKIM verdict when one was made (e.g. "pass d=google.com"); null when not checked
 */
public record Provenance(Channel channel, Instant receivedAt, String origin, String messageId, String dkimResult) {

    public Provenance {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static Provenance file(String path, Instant receivedAt) {
        return new Provenance(Channel.FILE, receivedAt, path, null, null);
    }

    /** The same provenance with the Message-ID found inside the input, unless one was already known. */
    public Provenance withMessageIdIfAbsent(String id) {
        return messageId != null || id == null ? this : new Provenance(channel, receivedAt, origin, id, dkimResult);
    }
}
