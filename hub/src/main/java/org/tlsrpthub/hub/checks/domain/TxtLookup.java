package org.tlsrpthub.hub.checks.domain;

import java.util.List;
import org.tlsrpthub.core.syntax.TxtRecords;
import org.tlsrpthub.hub.checks.DnsLookupException;
import org.tlsrpthub.hub.checks.Finding;
import org.tlsrpthub.hub.checks.FindingSeverity;
import org.tlsrpthub.hub.checks.LiveDns;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The TXT records at a name, each one's character-strings joined (RFC 8460 §3, RFC 8461 §3.1). */
final class TxtLookup {
    private TxtLookup() {}

    /** The joined records; a CNAME at the name is followed by the resolver. */
    static List<String> of(LiveDns dns, String name) throws DnsLookupException {
        return dns.query(name, Type.TXT).of(TXTRecord.class).stream().map(r -> TxtRecords.join(r.getStrings())).toList();
    }

    static Finding failed(String subject, DnsLookupException e) {
        return new Finding("dns-lookup-failed", FindingSeverity.ERROR, subject,
                "The DNS lookup got no usable answer: " + e.getMessage() + ". Senders that see the same treat the record or host as absent.",
                "Make the domain's name servers answer this question (check the delegation, the zone and, for a signed zone, DNSSEC).");
    }
}
