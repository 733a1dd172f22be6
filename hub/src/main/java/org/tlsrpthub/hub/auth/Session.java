package org.tlsrpthub.hub.auth;

/**
 * A signed-in browser: who, the synchroniser token its forms must carry, and the organisation it
 * looks at (null: the user's first).
 */
public record Session(String user, String csrfToken, String org) {}
