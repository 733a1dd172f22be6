package org.tlsrpthub.core.report;

import java.util.Locale;

/** The named deviations that are accepted with a {@link Warning}. Ids are stable: they are stored. */
public enum WarningCode {
    // --- report JSON (RFC 8460 §4.4) ---
    /** A datetime without {@code Z} or an offset (Microsoft, 2023–2024); read as UTC. */
    DATETIME_WITHOUT_OFFSET,
    /** An end-datetime of {@code T00:00:00Z} on the next day instead of {@code T23:59:59Z}. */
    NEXT_DAY_RANGE_END,
    /** A date range that is not one whole UTC day (RFC 8460 §4.4 SHOULD). */
    RANGE_NOT_ONE_DAY,
    /** {@code mx-host} as a bare string (RFC 8460 Appendix B, erratum 6241). */
    MX_HOST_STRING,
    /** An {@code mx-host} entry that still carries the policy line's {@code mx:} prefix; the prefix is dropped. */
    MX_HOST_PREFIX,
    /** No {@code policy-domain} in a policy. */
    MISSING_POLICY_DOMAIN,
    /**
     * A {@code policy-domain} not in its one stored form (upper case, a trailing dot, a U-label):
     * read as lower-case A-labels without the dot, so that every spelling is one domain.
     */
    POLICY_DOMAIN_NORMALISED,
    /** A {@code policy-domain} that is not a host name; kept as sent and merged with no other domain. */
    POLICY_DOMAIN_NOT_HOST_NAME,
    /** {@code policy-string} as a bare string instead of an array of strings. */
    POLICY_STRING_NOT_ARRAY,
    /** No {@code policy-string} in an sts or tlsa policy. */
    MISSING_POLICY_STRING,
    /** {@code contact-info} null or missing. */
    MISSING_CONTACT_INFO,
    /** A TLSA {@code policy-string} element holding a JSON-encoded array; unpacked. */
    POLICY_STRING_JSON_ENCODED,
    /** A summary without one of its counts (Google omitted a zero failure count); taken as 0. */
    MISSING_SUMMARY_COUNT,
    /** A failure detail without {@code sending-mta-ip}. */
    MISSING_SENDING_MTA_IP,
    /** A failure detail without {@code receiving-mx-hostname}. */
    MISSING_RECEIVING_MX_HOSTNAME,
    /** A failure detail without {@code receiving-ip}. */
    MISSING_RECEIVING_IP,
    /** A field that should hold an IP address but holds other text; kept as text. */
    NOT_AN_IP_ADDRESS,
    /** An empty string where a value was expected; treated as absent. */
    EMPTY_VALUE,
    /** A {@code result-type} outside the IANA registry; kept verbatim. */
    UNKNOWN_RESULT_TYPE,
    /** A {@code policy-type} outside tlsa / sts / no-policy-found; kept verbatim. */
    UNKNOWN_POLICY_TYPE,
    /** The failure details add up to another number than {@code total-failure-session-count}. */
    FAILURE_COUNT_MISMATCH,
    /** A member name the RFC does not define; ignored. */
    UNKNOWN_FIELD,
    /** A member whose value is null where the RFC wants a value; treated as absent. */
    NULL_VALUE,
    /** Bytes after the end of a gzip stream; ignored. */
    GZIP_TRAILING_BYTES,
    /** A UTF-8 byte order mark before the JSON; skipped. */
    BYTE_ORDER_MARK,
    /**
     * A string value holding U+0000 (NUL), which PostgreSQL text cannot hold; replaced by U+FFFD so
     * that both databases store the report alike (see {@link NulReplacement}).
     */
    NUL_CHARACTER,

    // --- report email (RFC 8460 §5.3, §5.6: the JSON wins) ---
    /** {@code TLS-Report-Domain} differs from the report's policy domain(s). */
    HEADER_DOMAIN_MISMATCH,
    /** {@code TLS-Report-Submitter} differs from the domain of {@code contact-info}. */
    HEADER_SUBMITTER_MISMATCH,
    /** A required report header ({@code TLS-Report-Domain} or {@code TLS-Report-Submitter}) is missing. */
    MISSING_REPORT_HEADER,
    /** The Subject's Report-ID, domain or submitter differs from the JSON. */
    SUBJECT_MISMATCH,
    /** The attachment filename's fields (submitter, domain, start, end) differ from the JSON. */
    FILENAME_MISMATCH,
    /** The report part's media type does not say what it holds (e.g. plain JSON labelled +gzip). */
    CONTENT_TYPE_MISMATCH,
    /** The report came in a part or message shape other than multipart/report with a tlsrpt part. */
    UNUSUAL_MESSAGE_SHAPE;

    /** The stable, lower-case id used in JSON output and storage, e.g. {@code datetime-without-offset}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static WarningCode fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
