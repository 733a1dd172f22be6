package org.tlsrpthub.core.record;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tlsrpthub.core.syntax.Chars;
import org.tlsrpthub.core.syntax.DomainNames;
import org.tlsrpthub.core.syntax.PercentEncoding;
import org.tlsrpthub.core.syntax.RecordSyntaxException;
import org.tlsrpthub.core.syntax.RecordWarning;

/**
 * Checks one URI taken from a {@code rua=} field (already split on raw commas) and turns it into a
 * {@link RuaDestination}. Offsets in errors are into the whole record text.
 */
final class RuaUriParser {

    private RuaUriParser() {
    }

    /** Parses {@code record[start, end)}; a warning is added for a scheme other than mailto/https. */
    static RuaDestination parse(String record, int start, int end, List<RecordWarning> warnings)
            throws RecordSyntaxException {
        String uri = record.substring(start, end);
        checkCharacters(record, start, end);
        int colon = schemeEnd(record, start, end);
        String scheme = uri.substring(0, colon - start).toLowerCase(Locale.ROOT); // RFC 3986 §3.1: case-insensitive
        if (scheme.equals("mailto") && colon + 1 == end) {
            throw new RecordSyntaxException("mailto URI has no address", record, end);
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            int at = e.getIndex() < 0 ? start : start + Math.min(e.getIndex(), uri.length());
            throw new RecordSyntaxException("invalid URI '" + uri + "': " + e.getReason(), record, at);
        }
        return switch (scheme) {
            case "mailto" -> mailto(record, start, colon + 1, uri);
            case "https" -> https(record, start, uri, parsed);
            default -> {
                // RFC 8460 §3: only mailto and https are defined; senders ignore other schemes.
                warnings.add(new RecordWarning(RecordWarning.Code.UNKNOWN_URI_SCHEME, "URI scheme '" + scheme
                        + "' is not mailto or https; senders will ignore '" + uri + "'", start));
                yield new RuaDestination.OtherScheme(uri, scheme);
            }
        };
    }

    /**
     * RFC 3986 §2 characters only; ',' and ';' cannot occur here (they split the record) and '!'
     * MUST be percent-encoded (RFC 8460 §3).
     */
    private static void checkCharacters(String record, int start, int end) throws RecordSyntaxException {
        for (int i = start; i < end; i++) {
            char c = record.charAt(i);
            if (c == '!') {
                throw new RecordSyntaxException("'!' inside a URI must be percent-encoded as %21 (RFC 8460 §3)",
                        record, i);
            }
            if (c == '%') {
                if (i + 2 >= end || !PercentEncoding.isHex(record.charAt(i + 1))
                        || !PercentEncoding.isHex(record.charAt(i + 2))) {
                    throw new RecordSyntaxException("'%' must be followed by two hex digits (RFC 3986 §2.1)",
                            record, i);
                }
                continue;
            }
            if (Chars.isWsp(c)) {
                throw new RecordSyntaxException("whitespace inside a URI; separate URIs with ','", record, i);
            }
            if (!PercentEncoding.isUnreserved(c) && ":/?#[]@$&'()*+=".indexOf(c) < 0) {
                throw new RecordSyntaxException("character " + Chars.describe(c) + " is not allowed in a URI;"
                        + " percent-encode it", record, i);
            }
        }
    }

    /** Index of the ':' ending {@code scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}. */
    private static int schemeEnd(String record, int start, int end) throws RecordSyntaxException {
        int i = start;
        if (i < end && Chars.isAlpha(record.charAt(i))) {
            i++;
            while (i < end && (Chars.isAlphaNum(record.charAt(i)) || "+-.".indexOf(record.charAt(i)) >= 0)) i++;
            if (i < end && record.charAt(i) == ':') return i;
        }
        throw new RecordSyntaxException("'" + record.substring(start, end) + "' is not a URI: it has no scheme"
                + " (expected mailto: or https:)", record, start);
    }

    /** RFC 6068: {@code mailto:to[?hfields]}, to = addr-spec *("," addr-spec) after decoding. */
    private static RuaDestination mailto(String record, int start, int toStart, String uri)
            throws RecordSyntaxException {
        String rest = record.substring(toStart, start + uri.length());
        int q = rest.indexOf('?');
        String to = q < 0 ? rest : rest.substring(0, q);
        if (to.isEmpty()) {
            throw new RecordSyntaxException("mailto URI has no address", record, toStart);
        }
        String decoded;
        try {
            decoded = PercentEncoding.decode(to);
        } catch (IllegalArgumentException e) {
            throw new RecordSyntaxException("mailto address: " + e.getMessage(), record, toStart);
        }
        int at = decoded.lastIndexOf('@');
        if (at <= 0 || at == decoded.length() - 1) {
            throw new RecordSyntaxException("'" + decoded + "' in mailto URI is not an email address"
                    + " (local-part@domain)", record, toStart);
        }
        String domain = decoded.substring(at + 1);
        boolean literal = domain.startsWith("[") && domain.endsWith("]");
        if (!literal && DomainNames.toALabels(domain).isEmpty()) {
            throw new RecordSyntaxException("'" + domain + "' in mailto URI is not a valid domain name",
                    record, toStart + Math.max(0, to.lastIndexOf('@') + 1));
        }
        return new RuaDestination.Mailto(uri, decoded);
    }

    private static RuaDestination https(String record, int start, String uri, URI parsed)
            throws RecordSyntaxException {
        if (parsed.getRawAuthority() == null) {
            throw new RecordSyntaxException("https URI has no host (expected https://host/...)", record, start);
        }
        String host = parsed.getHost();
        Optional<String> aLabels = host == null ? Optional.empty()
                : host.startsWith("[") ? Optional.of(host) : DomainNames.toALabels(host);
        if (aLabels.isEmpty()) {
            throw new RecordSyntaxException("https URI host '" + (host == null ? parsed.getRawAuthority() : host)
                    + "' is not a valid host name", record, start + uri.indexOf("//") + 2);
        }
        return new RuaDestination.Https(uri, aLabels.get());
    }
}
