package org.tlsrpthub.hub.auth;

/** A freshly created API token; {@code secret} exists only here, the database keeps its hash. */
public record NewToken(String id, String secret) {}
