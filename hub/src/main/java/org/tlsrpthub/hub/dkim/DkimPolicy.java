package org.tlsrpthub.hub.dkim;

/**
 * What the hub does with DKIM on report emails (setting {@code dkim.policy}). RFC 8460 §3 says
 * receivers MUST ignore reports without a valid signature; many deployments forward mail and break
 * signatures, so the strict reading is a choice, not the default.
 */
public enum DkimPolicy {
    /** Do not verify. */
    OFF,
    /** Verify and record the verdict on the stored input; store reports either way. */
    RECORD,
    /** Verify; quarantine reports without a valid signature from the submitter's domain. */
    REQUIRE
}
