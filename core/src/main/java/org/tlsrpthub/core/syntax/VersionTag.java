package org.tlsrpthub.core.syntax;

/**
 * The version tag that begins a TLS-RPT ({@code v=TLSRPTv1}) or MTA-STS ({@code v=STSv1}) record,
 * and the explanation given when a TXT record does not begin with it.
 */
public final class VersionTag {

    private VersionTag() {
    }

    /**
     * True if {@code record} begins with {@code version} followed by ';', whitespace or the end.
     * Both RFCs filter on {@code version + ";"} (RFC 8460 §3, RFC 8461 §3.1), but their grammars allow
     * whitespace before ';' (RFC 8461 erratum 6285); such records are let through so the parser can
     * warn instead of the record silently vanishing.
     */
    public static boolean begins(String record, String version) {
        if (!record.startsWith(version)) return false;
        if (record.length() == version.length()) return true;
        char next = record.charAt(version.length());
        return next == ';' || Chars.isWsp(next);
    }

    /** Why {@code record} is not a candidate, naming the likely slip (case, whitespace, version). */
    public static String whyNot(String record, String version, String what) {
        if (record.isEmpty()) return "the record is empty";
        if (Chars.isWsp(record.charAt(0)) && begins(record.strip(), version)) {
            return "it begins with whitespace; " + what + " must begin exactly with " + version;
        }
        if (record.regionMatches(true, 0, version, 0, version.length()) && !record.startsWith(version)) {
            return "it begins with '" + record.substring(0, version.length()) + "'; the version is case-sensitive"
                    + " and must be exactly " + version;
        }
        if (record.startsWith(version)) {
            int end = version.length();
            while (end < record.length() && record.charAt(end) != ';' && !Chars.isWsp(record.charAt(end))) end++;
            return "its version is '" + record.substring(0, end) + "', not " + version;
        }
        String start = record.length() > 20 ? record.substring(0, 20) + "…" : record;
        return "it does not begin with " + version + " (it begins with '" + start + "')";
    }
}
