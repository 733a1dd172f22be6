package org.tlsrpthub.core.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.core.syntax.PercentEncoding;
import org.tlsrpthub.core.syntax.RecordSyntaxException;
import org.tlsrpthub.core.syntax.RecordWarning;

/**
 * Turns an address or URL as people write it into a rua URI that may appear in a record: ASCII,
 * A-label domains, and ',' '!' ';' (RFC 8460 §3) and everything else RFC 3986 forbids
 * percent-encoded. The result is checked with the parser, so it is correct by construction.
 */
final class RuaUriEncoder {

    /** Characters left as-is in a mailto local-part: unreserved and RFC 6068 some-delims minus "!,;@". */
    private static final String MAILTO_LOCAL_KEEP = "$'()*+:";
    /** Left as-is in an https path/query/fragment: RFC 3986 reserved minus ',' ';' '!' '[' ']' '#'. */
    private static final String HTTPS_TAIL_KEEP = ":/?@$&'()*+=";

    private RuaUriEncoder() {
    }

    static RuaDestination.Mailto mailto(String address) {
        String stripped = address.strip();
        String a = stripped.regionMatches(true, 0, "mailto:", 0, 7) ? stripped.substring(7) : stripped;
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1) {
            throw new IllegalArgumentException("'" + address + "' is not an email address (local-part@domain)");
        }
        String domain = DomainNames.toALabels(a.substring(at + 1)).orElseThrow(() ->
                new IllegalArgumentException("'" + a.substring(at + 1) + "' in '" + address
                        + "' is not a valid domain name"));
        String local = PercentEncoding.encode(a.substring(0, at),
                c -> PercentEncoding.isUnreserved(c) || MAILTO_LOCAL_KEEP.indexOf(c) >= 0, false);
        return (RuaDestination.Mailto) check("mailto:" + local + "@" + domain, address);
    }

    static RuaDestination.Https https(String url) {
        String u = url.strip();
        if (!u.regionMatches(true, 0, "https://", 0, 8)) {
            throw new IllegalArgumentException("'" + url + "' is not an https URL (it must begin with https://)");
        }
        String rest = u.substring(8);
        int authorityEnd = 0;
        while (authorityEnd < rest.length() && "/?#".indexOf(rest.charAt(authorityEnd)) < 0) authorityEnd++;
        String authority = rest.substring(0, authorityEnd);
        if (authority.contains("@")) {
            throw new IllegalArgumentException("'" + url + "': user information in an https URL is not supported");
        }
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            port = authority.substring(colon);
        }
        String h = host;
        String asciiHost = h.startsWith("[") ? h.toLowerCase(Locale.ROOT) : DomainNames.toALabels(h).orElseThrow(() ->
                new IllegalArgumentException("'" + h + "' in '" + url + "' is not a valid host name"));
        String tail = encodeTail(rest.substring(authorityEnd));
        return (RuaDestination.Https) check("https://" + asciiHost + port + tail, url);
    }

    /** Encodes path, query and fragment; only the first '#' starts the fragment. */
    private static String encodeTail(String tail) {
        int hash = tail.indexOf('#');
        String beforeFragment = hash < 0 ? tail : tail.substring(0, hash);
        String encoded = PercentEncoding.encode(beforeFragment,
                c -> PercentEncoding.isUnreserved(c) || HTTPS_TAIL_KEEP.indexOf(c) >= 0, true);
        if (hash < 0) return encoded;
        return encoded + "#" + PercentEncoding.encode(tail.substring(hash + 1),
                c -> PercentEncoding.isUnreserved(c) || HTTPS_TAIL_KEEP.indexOf(c) >= 0, true);
    }

    private static RuaDestination check(String uri, String input) {
        try {
            List<RecordWarning> ignored = new ArrayList<>();
            return RuaUriParser.parse(uri, 0, uri.length(), ignored);
        } catch (RecordSyntaxException e) {
            throw new IllegalArgumentException("'" + input + "' cannot be made a valid URI: " + e.error().reason());
        }
    }
}
