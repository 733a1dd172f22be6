package org.tlsrpthub.hub.http;

import java.util.Locale;
import java.util.Set;

/**
 * Which request labels the report endpoint takes. RFC 8460 §5.4 names application/tlsrpt+gzip and
 * application/tlsrpt+json; real senders also send generic labels or wrong ones, so the label only
 * decides whether to try: what the body is (JSON, gzip, zip, an email) is then found from its bytes.
 */
final class MediaTypes {
    private MediaTypes() {}

    // RFC 8460 §5.4 and §6.4/§6.5 (registered types), then the generic labels seen in practice.
    // message/rfc822: a report email relayed over HTTP is read like one that arrived by SMTP.
    private static final Set<String> ACCEPTED = Set.of(
            "application/tlsrpt+json", "application/tlsrpt+gzip",
            "application/json", "application/gzip", "application/x-gzip", "application/octet-stream",
            "application/zip", "text/plain", "message/rfc822");

    private static final Set<String> CODINGS = Set.of("identity", "gzip", "x-gzip");

    /** True when a body with this Content-Type (null: none given) is worth reading. */
    static boolean acceptedType(String contentType) {
        if (contentType == null || contentType.isBlank()) return true; // sniffed from the bytes
        return ACCEPTED.contains(essence(contentType));
    }

    /**
     * True for no coding, identity or gzip. A gzip-coded body is left as it is: the reader
     * recognises gzip by its magic bytes (0x1f 0x8b) and inflates it within its limits.
     */
    static boolean acceptedCoding(String contentEncoding) {
        if (contentEncoding == null || contentEncoding.isBlank()) return true;
        return CODINGS.contains(contentEncoding.trim().toLowerCase(Locale.ROOT));
    }

    /** The type/subtype without parameters, lower case (RFC 9110 §8.3.1). */
    static String essence(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
