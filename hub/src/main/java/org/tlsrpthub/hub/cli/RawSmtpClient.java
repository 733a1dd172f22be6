package org.tlsrpthub.hub.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP client (RFC 5321 §3.3) for the benchmark: sends prepared bytes over one connection
 * without parsing them, as a relaying MTA does, so the client costs little of the shared CPU.
 */
final class RawSmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawSmtpClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        expect(220);
        command("EHLO bench.example", 250);
    }

    void send(String from, String to, byte[] message) throws IOException {
        command("MAIL FROM:<" + from + ">", 250);
        command("RCPT TO:<" + to + ">", 250);
        command("DATA", 354);
        writeDotStuffed(message);
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(250);
    }

    private void writeDotStuffed(byte[] m) throws IOException {
        boolean lineStart = true;
        for (byte b : m) {
            if (lineStart && b == '.') out.write('.');
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void command(String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(expected);
    }

    /** Reads a (possibly multi-line) reply and checks its code. */
    private void expect(int code) throws IOException {
        while (true) {
            String line = readLine();
            if (line.length() < 3) throw new IOException("bad SMTP reply: " + line);
            if (Integer.parseInt(line.substring(0, 3)) != code) throw new IOException("expected " + code + ", got: " + line);
            if (line.length() == 3 || line.charAt(3) == ' ') return;
        }
    }

    private String readLine() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') return s.toString().stripTrailing();
            s.append((char) b);
        }
        throw new IOException("connection closed");
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT", 221);
        } finally {
            socket.close();
        }
    }
}
