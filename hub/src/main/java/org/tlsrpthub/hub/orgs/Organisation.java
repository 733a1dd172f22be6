package org.tlsrpthub.hub.orgs;

import java.time.Instant;

/** An organisation as listed to hub admins: what it is called and what it holds. */
public record Organisation(String slug, String displayName, Instant createdAt, long members, long domains) {}
