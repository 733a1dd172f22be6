package org.tlsrpthub.hub.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code _smtp._tls.DOMAIN} TXT lookup. Owned by the domain check, which may add fields.
 *
 * @param status     "valid", "missing", "invalid" or "multiple" (more than one v=TLSRPTv1 record)
 * @param records    every TXT string found at the name (after following a CNAME)
 * @param rua        the record's destinations, when it parsed
 * @param reachesHub a rua is one of this hub's own addresses or URLs
 * @param publish    the record to publish when it is missing or does not reach the hub, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TlsRptState(String name, String status, List<String> records, List<String> rua,
                          @JsonProperty("reaches_hub") boolean reachesHub, String publish) {}
