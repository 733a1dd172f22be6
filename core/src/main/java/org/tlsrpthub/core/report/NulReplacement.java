package org.tlsrpthub.core.report;

/**
 * U+0000 is valid in JSON strings (as an escape) and in decoded header text, but PostgreSQL text
 * cannot hold it while SQLite can. The hub must store the same thing on both, so text that comes out
 * of the core carries U+FFFD in its place; where it alters a report's values, the parser says so
 * with a {@link WarningCode#NUL_CHARACTER} warning.
 */
public final class NulReplacement {
    public static final char REPLACEMENT = '\uFFFD';

    private NulReplacement() {}

    public static boolean needed(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** {@code s} with every U+0000 replaced; {@code s} itself (or null) when it has none. */
    public static String apply(String s) {
        return needed(s) ? s.replace('\0', REPLACEMENT) : s;
    }
}
