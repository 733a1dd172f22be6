package org.tlsrpthub.hub.checks.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.tlsrpthub.hub.checks.DnsAnswer;
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
 * @param failures      questions that got no answer (the other may still have given addresses)
 * @param authenticated both answers came and were DNSSEC-authenticated (AD bit)
 */
record AddressLookup(List<InetAddress> addresses, List<String> failures, boolean authenticated) {

    static AddressLookup of(LiveDns dns, String host) {
        List<InetAddress> addresses = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean authenticated = true;
        try {
            DnsAnswer a = dns.query(host, Type.A);
            a.of(ARecord.class).forEach(r -> addresses.add(r.getAddress()));
            authenticated = a.authenticated();
        } catch (DnsLookupException e) {
            failures.add(e.getMessage());
        }
        try {
            DnsAnswer aaaa = dns.query(host, Type.AAAA);
            aaaa.of(AAAARecord.class).forEach(r -> addresses.add(r.getAddress()));
            authenticated &= aaaa.authenticated();
        } catch (DnsLookupException e) {
            failures.add(e.getMessage());
        }
        return new AddressLookup(List.copyOf(addresses), List.copyOf(failures), authenticated && failures.isEmpty());
    }

    static List<String> texts(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).toList();
    }
}
