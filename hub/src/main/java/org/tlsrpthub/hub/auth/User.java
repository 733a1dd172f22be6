package org.tlsrpthub.hub.auth;

import java.time.Instant;

/** A local user of the dashboard and API. */
public record User(String name, boolean admin, Instant createdAt) {}
