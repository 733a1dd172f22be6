package org.tlsrpthub.core.syntax;

/**
 * Renders a line of text with a caret ({@code ^}) under one character. Characters that would
 * break the alignment or the terminal (controls, tabs) are shown as {@code ?}; very long records
 * (over 120 characters) are cut to a window around the caret, marked with {@code …}.
 */
public final class Caret {

    /** Characters shown either side of the caret before the line is cut. */
    static final int WINDOW = 60;

    private Caret() {
    }

    /** Two lines, each indented by two spaces: the text, then the caret under {@code offset}. */
    public static String render(String text, int offset) {
        int from = 0;
        int to = text.length();
        String prefix = "";
        String suffix = "";
        boolean longLine = text.length() > 2 * WINDOW;
        if (longLine && offset - from > WINDOW) {
            from = offset - WINDOW;
            prefix = "…";
        }
        if (longLine && to - offset > WINDOW + 1) {
            to = offset + WINDOW;
            suffix = "…";
        }
        StringBuilder line = new StringBuilder("  ").append(prefix);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            line.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        line.append(suffix);
        String caret = "  " + " ".repeat(prefix.length() + offset - from) + "^";
        return line + "\n" + caret;
    }
}
