package org.tlsrpthub.core.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/** Percent-encoding of URIs (RFC 3986 §2.1), always over UTF-8 octets. */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static boolean isHex(char c) {
        return Chars.isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    /** {@code unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"} (RFC 3986 §2.3). */
    public static boolean isUnreserved(int c) {
        return c < 0x80 && (Chars.isAlphaNum((char) c) || c == '-' || c == '.' || c == '_' || c == '~');
    }

    /**
     * Encodes every code point for which {@code keep} is false as %XX of its UTF-8 octets. With
     * {@code keepValidEscapes}, a '%' already followed by two hex digits is left alone, so a URL
     * that is already encoded is not encoded twice.
     *
     * @throws IllegalArgumentException for an unpaired surrogate, which has no UTF-8 form
     */
    public static String encode(String s, IntPredicate keep, boolean keepValidEscapes) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isSurrogate((char) cp)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i);
            }
            if (cp == '%' && keepValidEscapes && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.append('%');
            } else if (cp != '%' && keep.test(cp)) {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            }
            i += len;
        }
        return out.toString();
    }

    /**
     * Decodes %XX sequences as UTF-8.
     *
     * @throws IllegalArgumentException for a '%' without two hex digits or octets that are not UTF-8
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    throw new IllegalArgumentException("'%' not followed by two hex digits");
                }
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-encoded octets are not UTF-8");
        }
    }
}
