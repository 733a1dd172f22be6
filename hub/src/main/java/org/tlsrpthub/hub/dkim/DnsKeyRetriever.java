package org.tlsrpthub.hub.dkim;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.xbill.DNS.Cache;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Fetches DKIM keys ({@code <selector>._domainkey.<domain>} TXT, RFC 6376 §3.6.2) with dnsjava
 * through a chosen resolver. The character-strings of one TXT record are joined with no separator
 * (RFC 6376 §3.6.2.2); keys longer than 255 bytes always arrive split.
 */
public final class DnsKeyRetriever implements PublicKeyRecordRetriever {
    private final Resolver resolver;
    private final Cache cache = new Cache();

    private DnsKeyRetriever(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The system's resolvers (resolv.conf), or one server when {@code server} is set. */
    public static DnsKeyRetriever using(InetSocketAddress server) {
        Resolver r = server == null ? new ExtendedResolver() : new SimpleResolver(server);
        r.setTimeout(Duration.ofSeconds(5));
        return new DnsKeyRetriever(r);
    }

    @Override
    public List<String> getRecords(CharSequence methodAndOptions, CharSequence selector, CharSequence token)
            throws TempFailException, PermFailException {
        if (!"dns/txt".equals(methodAndOptions.toString())) {
            throw new PermFailException("only the dns/txt key query method exists (RFC 6376 §3.5 q=)");
        }
        Name name;
        try {
            name = Name.fromString(selector + "._domainkey." + token, Name.root);
        } catch (TextParseException e) {
            throw new PermFailException("invalid key name " + selector + "._domainkey." + token);
        }
        Lookup lookup = new Lookup(name, Type.TXT);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        lookup.setSearchPath((Name[]) null);
        Record[] records = lookup.run();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> {
                List<String> out = new ArrayList<>();
                for (Record r : records) {
                    if (r instanceof TXTRecord txt) out.add(String.join("", txt.getStrings()));
                }
                return out;
            }
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND ->
                    throw new PermFailException("no key at " + name + " (" + lookup.getErrorString() + ")");
            default -> throw new TempFailException("key lookup " + name + " failed: " + lookup.getErrorString());
        }
    }
}
