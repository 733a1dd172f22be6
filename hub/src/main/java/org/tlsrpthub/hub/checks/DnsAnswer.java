package org.tlsrpthub.hub.checks;

import java.util.List;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * A resolver's answer to one question.
 *
 * @param rcode         the response code (NOERROR, NXDOMAIN, SERVFAIL, …)
 * @param authenticated the resolver set the AD bit: it validated the answer with DNSSEC (trust it
 *                      only from a validating resolver the operator chose)
 * @param records       the answer section's records of the asked type (a CNAME chain is followed by the resolver)
 */
public record DnsAnswer(String name, int type, int rcode, boolean authenticated, List<Record> records) {
    public DnsAnswer {
        records = List.copyOf(records);
    }

    /** The name does not exist. */
    public boolean nxdomain() {
        return rcode == Rcode.NXDOMAIN;
    }

    /** The name exists but holds no record of the type, or does not exist. */
    public boolean empty() {
        return records.isEmpty();
    }

    public <T extends Record> List<T> of(Class<T> kind) {
        return records.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
