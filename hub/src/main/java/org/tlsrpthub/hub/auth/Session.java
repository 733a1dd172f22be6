package org.tlsrpthub.hub.auth;

/** A signed-in browser: who, and the synchroniser token its forms must carry. */
public record Session(String user, String csrfToken) {}
