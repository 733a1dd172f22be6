package org.tlsrpthub.core.record;

import java.util.Objects;

/**
 * One URI of a {@code rua=} field (RFC 8460 §3). {@link #uri()} is the URI exactly as it appears in
 * the record: ASCII, with ',' '!' ';' and anything else not allowed percent-encoded. Two
 * destinations are the same when these texts are equal.
 * <p>
 * Build one from user input with {@link #mailto(String)} or {@link #https(String)}, which encode
 * as needed; the parser builds them from record text.
 */
public sealed interface RuaDestination {

    /** The URI as written in the record (percent-encoded). */
    String uri();

    /** The URI with percent-escapes decoded, for display. */
    default String decoded() {
        try {
            return org.tlsrpthub.core.syntax.PercentEncoding.decode(uri());
        } catch (IllegalArgumentException e) {
            return uri();
        }
    }

    /**
     * A {@code mailto:} URI (RFC 6068): reports are emailed.
     *
     * @param address the URI's to-part, percent-decoded. A decoded ',' is left as is: RFC 8460 §3
     *                requires commas to be encoded, so "two addresses" and "a comma in a local-part"
     *                cannot be told apart; senders pass the whole to-part to their mailer.
     */
    record Mailto(String uri, String address) implements RuaDestination {
        public Mailto {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * An {@code https:} URI: reports are POSTed to it (RFC 8460 §5.4).
     *
     * @param host the host, in A-labels
     */
    record Https(String uri, String host) implements RuaDestination {
        public Https {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(host, "host");
        }
    }

    /** A URI of another scheme: well-formed, kept, but no sender will use it (RFC 8460 §3). */
    record OtherScheme(String uri, String scheme) implements RuaDestination {
        public OtherScheme {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(scheme, "scheme");
        }
    }

    /**
     * A mailto destination for an email address given as people write it (a@b.example, with a
     * U-label domain if so), percent-encoded and with an A-label domain.
     *
     * @throws IllegalArgumentException if it is not an address
     */
    static Mailto mailto(String address) {
        return RuaUriEncoder.mailto(address);
    }

    /**
     * An https destination for a URL as people write it, percent-encoded and with an A-label host.
     *
     * @throws IllegalArgumentException if it is not an https URL
     */
    static Https https(String url) {
        return RuaUriEncoder.https(url);
    }
}
