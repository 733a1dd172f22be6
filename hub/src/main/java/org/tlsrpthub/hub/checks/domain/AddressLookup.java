package org.tlsrpthub.hub.checks.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.checks.DnsLookupException;
import org.tlsrpthub.hub.checks.LiveDns;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Type;

/**
 * A host's A and AAAA addresses, asked of the check's resolver itself (never the JVM's resolver
 * or cache), so that the addresses judged by the outbound guard are the ones connected to.
 *
 * @param addresses IPv4 first, then IPv6
 * @param failures  questions that got no answer (the other may still have given addresses)
 */
record AddressLookup(List<InetAddress> addresses, List<String> failures) {

    static AddressLookup of(LiveDns dns, String host) {
        List<InetAddress> addresses = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try {
            dns.query(host, Type.A).of(ARecord.class).forEach(r -> addresses.add(r.getAddress()));
        } catch (DnsLookupException e) {
            failures.add(e.getMessage());
        }
        try {
            dns.query(host, Type.AAAA).of(AAAARecord.class).forEach(r -> addresses.add(r.getAddress()));
        } catch (DnsLookupException e) {
            failures.add(e.getMessage());
        }
        return new AddressLookup(List.copyOf(addresses), List.copyOf(failures));
    }

    static List<String> texts(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).toList();
    }
}
