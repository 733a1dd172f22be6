package org.tlsrpthub.hub.checks.probe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One SMTP session with one address, as a sending MTA would start it: greeting, EHLO, STARTTLS, the
 * TLS handshake with SNI set to the MX host, then QUIT. No MAIL command is ever sent. Each step has
 * its own deadline ({@link ProbeSettings}), so the session ends in bounded time whatever the server does.
 */
final class StartTlsSession {
    private static final Duration QUIT_WAIT = Duration.ofSeconds(2);
    private final ProbeSettings settings;

    StartTlsSession(ProbeSettings settings) {
        this.settings = settings;
    }

    /**
     * A new client context for each probe: a probe must see a full handshake, never a resumed
     * session, and a shared context kept every session's tickets (0.5 MiB more heap per round of
     * 1,000 domains, without end: docs/benchmarks.md).
     */
    private static SSLContext freshContext() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {AcceptAnyChain.INSTANCE}, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS client: " + e.getMessage(), e);
        }
    }

    AddressObservation run(String host, InetAddress address) {
        String where = address.getHostAddress();
        Socket socket = new Socket();
        try {
            try {
                socket.connect(new InetSocketAddress(address, settings.smtpPort()), millis(settings.connectTimeout()));
            } catch (IOException e) {
                return AddressObservation.stopped(where, StartTlsOutcome.UNREACHABLE,
                        "no connection to port " + settings.smtpPort() + ": " + reason(e), -1);
            }
            return dialogue(host, where, socket);
        } finally {
            closeQuietly(socket);
        }
    }

    private AddressObservation dialogue(String host, String where, Socket socket) {
        long start = System.nanoTime();
        long greetingMillis = -1;
        try {
            SmtpReplyReader reader = new SmtpReplyReader(socket, new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            SmtpReply greeting;
            try {
                greeting = reader.read(start + settings.greetingTimeout().toNanos(), "greeting");
            } catch (ProbeStepException e) {
                return AddressObservation.stopped(where, e.timedOut() ? StartTlsOutcome.GREETING_TIMEOUT
                        : StartTlsOutcome.PROTOCOL_ERROR, e.getMessage(), -1);
            }
            greetingMillis = (System.nanoTime() - start) / 1_000_000;
            if (greeting.code() != 220) {
                quit(out, reader); // RFC 5321 §3.1: a server that refuses in its greeting waits for QUIT
                return AddressObservation.stopped(where, StartTlsOutcome.GREETING_REFUSED,
                        "the greeting was '" + SmtpReplyReader.printable(greeting.firstLine()) + "'", greetingMillis);
            }
            SmtpReply ehlo = command(out, reader, "EHLO " + settings.ehloName());
            if (ehlo.code() != 250 || !offersStartTls(ehlo)) {
                quit(out, reader);
                return AddressObservation.stopped(where, StartTlsOutcome.NOT_OFFERED, ehlo.code() != 250
                        ? "EHLO was answered '" + SmtpReplyReader.printable(ehlo.firstLine()) + "'"
                        : "the EHLO reply does not list STARTTLS", greetingMillis);
            }
            SmtpReply starttls = command(out, reader, "STARTTLS");
            if (starttls.code() != 220) {
                quit(out, reader);
                return AddressObservation.stopped(where, StartTlsOutcome.NOT_OFFERED, "STARTTLS was answered '"
                        + SmtpReplyReader.printable(starttls.firstLine()) + "'", greetingMillis);
            }
            return handshake(host, where, socket, greetingMillis);
        } catch (ProbeStepException e) {
            return AddressObservation.stopped(where, StartTlsOutcome.PROTOCOL_ERROR, e.getMessage(), greetingMillis);
        } catch (IOException e) {
            return AddressObservation.stopped(where, StartTlsOutcome.PROTOCOL_ERROR, "the connection failed: " + reason(e), greetingMillis);
        }
    }

    private AddressObservation handshake(String host, String where, Socket plain, long greetingMillis) {
        SSLSocket s;
        try {
            s = (SSLSocket) freshContext().getSocketFactory().createSocket(plain, host, settings.smtpPort(), true);
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(host)));
            s.setSSLParameters(p);
            s.setSoTimeout(millis(settings.stepTimeout()));
            s.startHandshake();
        } catch (IOException | IllegalArgumentException e) {
            return AddressObservation.stopped(where, StartTlsOutcome.HANDSHAKE_FAILED, "the TLS handshake failed: " + reason(e), greetingMillis);
        }
        try {
            SSLSession session = s.getSession();
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) if (c instanceof X509Certificate x) chain.add(x);
            quit(s.getOutputStream(), new SmtpReplyReader(s, new BufferedInputStream(s.getInputStream())));
            return new AddressObservation(where, StartTlsOutcome.OFFERED, null, greetingMillis,
                    session.getProtocol(), session.getCipherSuite(), chain);
        } catch (IOException e) {
            return AddressObservation.stopped(where, StartTlsOutcome.HANDSHAKE_FAILED, "the TLS handshake failed: " + reason(e), greetingMillis);
        } finally {
            closeQuietly(s);
        }
    }

    private SmtpReply command(OutputStream out, SmtpReplyReader reader, String line) throws IOException, ProbeStepException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String verb = line.split(" ", 2)[0];
        return reader.read(System.nanoTime() + settings.stepTimeout().toNanos(), "the reply to " + verb);
    }

    /**
     * Ends the session politely. The reply changes nothing that was seen, so it is waited for briefly
     * only: a server that stays silent after QUIT must not cost a whole step per address.
     */
    private void quit(OutputStream out, SmtpReplyReader reader) {
        try {
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Duration wait = settings.stepTimeout().compareTo(QUIT_WAIT) < 0 ? settings.stepTimeout() : QUIT_WAIT;
            reader.read(System.nanoTime() + wait.toNanos(), "the reply to QUIT");
        } catch (IOException | ProbeStepException e) {
            // what the session showed is already recorded
        }
    }

    private static boolean offersStartTls(SmtpReply ehlo) {
        return ehlo.lines().stream().skip(1).anyMatch(l -> l.trim().toUpperCase(Locale.ROOT).equals("STARTTLS"));
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing a socket the server may already have dropped: nothing to report
        }
    }
}
