package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One check as the store keeps it.
 *
 * @param source "schedule" (the round), "now" (a person or the API asked), "cli" ({@code checks run})
 */
public record StoredCheck(long id, String source, @JsonProperty("check") DomainCheck check) {}
