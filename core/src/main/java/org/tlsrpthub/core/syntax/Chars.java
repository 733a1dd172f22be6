package org.tlsrpthub.core.syntax;

/** Character classes of the record grammars (RFC 5234 core rules) and a printable description. */
public final class Chars {

    private Chars() {
    }

    /** {@code WSP = SP / HTAB} (RFC 5234 Appendix B.1). */
    public static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    public static boolean isAlpha(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAlphaNum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    /** {@code 'x'} for visible ASCII, {@code U+0009} style otherwise, so invisible culprits get a name. */
    public static String describe(char c) {
        if (c > 0x20 && c < 0x7f) return "'" + c + "'";
        if (c == ' ') return "a space";
        if (c == '\t') return "a tab";
        return String.format("U+%04X", (int) c);
    }

    /**
     * {@code s} without the whitespace (as regex {@code \\s}) and {@code '>'} at its end, as left after the
     * domain of an address like {@code <tlsrpt@example.com> }. A loop, not the regex {@code [>\\s]+$},
     * which tries every start position and so takes quadratic time on a long run of spaces.
     */
    public static String withoutTrailingSpaceOrAngle(String s) {
        int end = s.length();
        while (end > 0 && isSpaceOrAngle(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    private static boolean isSpaceOrAngle(char c) {
        return c == '>' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Index of the first character at or after {@code from} that is not WSP. */
    public static int skipWsp(String s, int from) {
        int i = from;
        while (i < s.length() && isWsp(s.charAt(i))) i++;
        return i;
    }
}
