package org.tlsrpthub.hub.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small real SMTP listener on a loopback address that misbehaves on purpose: the bad MX hosts the
 * probe must recognise (no STARTTLS, a 421 greeting, a slow or absent greeting, endless reply
 * lines, whatever certificate the test gives it). It speaks just enough SMTP for a probe and counts
 * the sessions, and how many ran at once.
 */
public final class ScriptedMx implements AutoCloseable {
    /** How the listener breaks the protocol, beyond its greeting and what it offers. */
    public enum Fault {
        NONE,
        /** Accepts the connection and never says a word. */
        SILENT,
        /** Sends the greeting one byte every 50 ms, never ending the line. */
        DRIPPING_GREETING,
        /** Answers EHLO with "250-" lines that never end. */
        ENDLESS_EHLO_REPLY,
        /** Says "220 go ahead" to STARTTLS, then plain text instead of a TLS handshake. */
        NOT_TLS_AFTER_STARTTLS,
        /** Closes the connection right after its greeting (a 421 server that does not wait for QUIT). */
        HANG_UP_AFTER_GREETING
    }

    /** What the listener does; build with the static factories. */
    public record Script(String greeting, long greetingDelayMillis, boolean offerStartTls, KeyStore certificate, Fault fault) {
        private static final String GREETING = "220 mx ESMTP";

        public static Script starttls(TestCa.Leaf leaf) throws Exception {
            return new Script(GREETING, 0, true, leaf.keyStore(), Fault.NONE);
        }

        public static Script plain() {
            return new Script(GREETING, 0, false, null, Fault.NONE);
        }

        public static Script greeting(String line) {
            return new Script(line, 0, false, null, Fault.NONE);
        }

        public static Script faulty(Fault fault) {
            return new Script(GREETING, 0, fault == Fault.NOT_TLS_AFTER_STARTTLS, null, fault);
        }

        public Script hangingUp() {
            return new Script(greeting, greetingDelayMillis, offerStartTls, certificate, Fault.HANG_UP_AFTER_GREETING);
        }

        public Script delayed(long millis) {
            return new Script(greeting, millis, offerStartTls, certificate, fault);
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread acceptor;

    private ScriptedMx(ServerSocket server, Script script) {
        this.server = server;
        this.script = script;
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    /** Listens on {@code ip}:{@code port} (port 0: any free one). */
    public static ScriptedMx start(String ip, int port, Script script) throws IOException {
        return new ScriptedMx(new ServerSocket(port, 50, InetAddress.getByName(ip)), script);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Sessions accepted so far. */
    public int sessions() {
        return sessions.get();
    }

    /** The most sessions that were open at the same time. */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** Every command line received, in order, across sessions. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sessions.incrementAndGet();
                mostAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
                AtomicBoolean ended = new AtomicBoolean();
                Thread.ofVirtual().start(() -> serve(s, () -> {
                    if (ended.compareAndSet(false, true)) open.decrementAndGet();
                }));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * A session counts as open until its QUIT arrives (before the reply, so a client that waits
     * for the reply cannot start its next session earlier) or until it ends without one.
     */
    private void serve(Socket s, Runnable ended) {
        try (s) {
            if (script.fault() == Fault.DRIPPING_GREETING) {
                while (true) {
                    s.getOutputStream().write('2');
                    s.getOutputStream().flush();
                    Thread.sleep(50);
                }
            }
            if (script.fault() == Fault.SILENT) {
                closing.await(); // holds the connection open, silent, until the test ends
                return;
            }
            if (script.greetingDelayMillis() > 0) Thread.sleep(script.greetingDelayMillis());
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            send(out, script.greeting());
            if (script.fault() == Fault.HANG_UP_AFTER_GREETING) return;
            if (!script.greeting().startsWith("220")) {
                refused(in, out, ended);
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase();
                switch (verb) {
                    case "EHLO" -> {
                        if (script.fault() == Fault.ENDLESS_EHLO_REPLY) {
                            while (true) send(out, "250-and another extension line");
                        }
                        send(out, script.offerStartTls() ? "250-mx\r\n250-PIPELINING\r\n250 STARTTLS" : "250-mx\r\n250 PIPELINING");
                    }
                    case "STARTTLS" -> {
                        if (!script.offerStartTls()) {
                            send(out, "502 command not implemented");
                            continue;
                        }
                        send(out, "220 go ahead");
                        if (script.fault() == Fault.NOT_TLS_AFTER_STARTTLS) {
                            send(out, "this is not a TLS server hello");
                            return;
                        }
                        tlsSession(s, ended);
                        return;
                    }
                    case "QUIT" -> {
                        ended.run();
                        send(out, "221 bye");
                        return;
                    }
                    default -> send(out, "502 command not implemented");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the probe hung up or the test ended: nothing left to serve
        } finally {
            ended.run();
        }
    }

    /** After a refusing greeting, as RFC 5321 §3.1 asks: every command but QUIT is refused, QUIT ends the session. */
    private void refused(BufferedReader in, OutputStream out, Runnable ended) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            if (line.equalsIgnoreCase("QUIT")) {
                ended.run();
                send(out, "221 bye");
                return;
            }
            send(out, "503 bad sequence of commands");
        }
    }

    private void tlsSession(Socket plain, Runnable ended) throws IOException {
        SSLContext ctx;
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(script.certificate(), "changeit".toCharArray());
            ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
        } catch (Exception e) {
            throw new IOException("cannot build the test server's TLS context", e);
        }
        try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, null, plain.getPort(), true)) {
            tls.setUseClientMode(false);
            tls.startHandshake();
            BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = tls.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                commands.add("TLS " + line);
                if (line.equalsIgnoreCase("QUIT")) {
                    ended.run();
                    send(out, "221 bye");
                    return;
                }
                send(out, "502 command not implemented");
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        closing.countDown();
        server.close();
        acceptor.join();
    }
}
