package org.tlsrpthub.hub.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One SMTP session at the line level, from a chosen loopback address (127.0.0.2 is another client
 * to the listener), for tests that look at reply codes a mail library would hide: 421 at the
 * greeting, 451 at MAIL.
 */
public final class SmtpSession implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** The server's first reply (the greeting, or a refusal). */
    public final String greeting;

    public SmtpSession(int port, String fromAddress) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(fromAddress), 0);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = reply();
    }

    /** Sends one command line; returns the last line of the reply. */
    public String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /**
     * A whole transaction; returns the reply to the end of DATA (or the first refusal before it).
     * After a refusal the session is reset (RSET), as the SMTP library keeps the refused sender.
     */
    public String deliver(String from, String to, byte[] message) throws IOException {
        String r = null;
        for (String c : new String[] {"MAIL FROM:<" + from + ">", "RCPT TO:<" + to + ">", "DATA"}) {
            r = command(c);
            if (!r.startsWith("250") && !r.startsWith("354")) break;
        }
        if (r.startsWith("354")) {
            String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
            if (!text.endsWith("\r\n")) text += "\r\n";
            out.write(text.replace("\r\n.", "\r\n..").getBytes(StandardCharsets.ISO_8859_1));
            r = command(".");
        }
        if (!r.startsWith("250")) command("RSET");
        return r;
    }

    private String reply() throws IOException {
        while (true) {
            StringBuilder s = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') s.append((char) b);
            if (b == -1 && s.isEmpty()) return "(closed)";
            String line = s.toString().stripTrailing();
            if (line.length() <= 3 || line.charAt(3) != '-') return line;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
