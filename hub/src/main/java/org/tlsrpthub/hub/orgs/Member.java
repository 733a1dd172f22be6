package org.tlsrpthub.hub.orgs;

/** One user's role in one organisation; also a user's membership, with the organisation's display name. */
public record Member(String org, String orgName, String user, Role role) {}
