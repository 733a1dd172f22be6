package org.tlsrpthub.hub.checks.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies from a server that may be hostile or broken: every reply must arrive before a
 * deadline and within a size bound, so a server that sends endless lines, one byte a second, or
 * nothing at all ends the step with a clear reason instead of hanging the check or filling memory.
 */
final class SmtpReplyReader {
    /** RFC 5321 allows 512 octets per reply line; real servers stay far below this. */
    static final int MAX_LINE = 2048;
    /** EHLO replies list one extension per line; 64 is many times what any server sends. */
    static final int MAX_LINES = 64;

    private final Socket socket;
    private final InputStream in;

    SmtpReplyReader(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** One reply, complete before {@code deadlineNanos} (System.nanoTime), or a {@link ProbeStepException}. */
    SmtpReply read(long deadlineNanos, String step) throws IOException, ProbeStepException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            if (lines.size() == MAX_LINES) {
                throw new ProbeStepException(step + ": the reply went on for more than " + MAX_LINES + " lines");
            }
            String line = readLine(deadlineNanos, step);
            if (line.length() < 3 || !isCode(line)) {
                throw new ProbeStepException(step + ": not an SMTP reply: '" + printable(line) + "'");
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code != -1 && lineCode != code) {
                throw new ProbeStepException(step + ": reply lines with different codes (" + code + ", " + lineCode + ")");
            }
            code = lineCode;
            boolean more = line.length() > 3 && line.charAt(3) == '-';
            if (line.length() > 3 && !more && line.charAt(3) != ' ') {
                throw new ProbeStepException(step + ": not an SMTP reply: '" + printable(line) + "'");
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (!more) return new SmtpReply(code, lines);
        }
    }

    private String readLine(long deadlineNanos, String step) throws IOException, ProbeStepException {
        byte[] buf = new byte[MAX_LINE];
        int n = 0;
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) throw new ProbeStepException(step + ": no complete reply in time", true);
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new ProbeStepException(step + ": no complete reply in time", true);
            }
            if (b == -1) throw new ProbeStepException(step + ": the server closed the connection");
            if (b == '\n') {
                int end = n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
                return new String(buf, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == MAX_LINE) throw new ProbeStepException(step + ": a reply line longer than " + MAX_LINE + " bytes");
            buf[n++] = (byte) b;
        }
    }

    private static boolean isCode(String line) {
        for (int i = 0; i < 3; i++) if (!Character.isDigit(line.charAt(i))) return false;
        return line.charAt(0) >= '2' && line.charAt(0) <= '5';
    }

    /** At most 80 characters, control characters shown as '?', so garbage cannot mangle a message. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return b.toString();
    }
}
