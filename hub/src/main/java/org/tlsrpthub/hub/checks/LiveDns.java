package org.tlsrpthub.hub.checks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS questions for the live checks, through the system's resolvers or one chosen server
 * ({@code --resolver HOST:PORT}). Each query sets the AD bit (RFC 6840 §5.7), so a validating
 * resolver says whether it authenticated the answer: DANE is accepted only then. No cache: a check
 * must see what is published now.
 */
public final class LiveDns {
    private final Resolver resolver;
    private final String resolverName;

    private LiveDns(Resolver resolver, String resolverName) {
        this.resolver = resolver;
        this.resolverName = resolverName;
    }

    /** One server when {@code server} is set, else the system's resolvers (resolv.conf). */
    public static LiveDns using(InetSocketAddress server, Duration timeout) {
        Resolver r = server == null ? new ExtendedResolver() : new SimpleResolver(server);
        r.setTimeout(timeout);
        r.setEDNS(0, 1232, 0);
        String name = server == null ? "the system resolver" : server.getHostString() + ":" + server.getPort();
        return new LiveDns(r, name);
    }

    /** The records of {@code type} at {@code name}; NXDOMAIN and NODATA are answers, not failures. */
    public DnsAnswer query(String name, int type) throws DnsLookupException {
        Name qname;
        try {
            qname = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new DnsLookupException("'" + name + "' is not a valid DNS name: " + e.getMessage());
        }
        Message query = Message.newQuery(Record.newRecord(qname, type, DClass.IN));
        query.getHeader().setFlag(Flags.AD);
        Message response;
        try {
            response = resolver.send(query);
        } catch (IOException e) {
            throw new DnsLookupException(what(name, type) + ": " + resolverName + " did not answer ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsLookupException(what(name, type) + ": " + resolverName + " answered " + Rcode.string(rcode)
                    + (rcode == Rcode.SERVFAIL ? " (for a signed zone this often means DNSSEC validation failed)" : ""), rcode);
        }
        List<Record> records = new ArrayList<>();
        for (Record r : response.getSection(Section.ANSWER)) {
            if (r.getType() == type) records.add(r);
        }
        return new DnsAnswer(name, type, rcode, response.getHeader().getFlag(Flags.AD), records);
    }

    public String resolverName() {
        return resolverName;
    }

    private static String what(String name, int type) {
        return "looking up " + name + " " + Type.string(type);
    }
}
