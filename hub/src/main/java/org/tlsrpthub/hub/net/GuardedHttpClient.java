package org.tlsrpthub.hub.net;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The hub's one HTTP/1.1 client for targets that come from outside (a domain's MTA-STS policy host,
 * an operator's webhook). Written here rather than with the JDK's client because the guard must
 * judge the address actually connected to: each address is checked by the {@link OutboundGuard}
 * before a socket is opened to it, and the socket goes to that very address (a name that
 * re-resolves elsewhere between a check and a connect cannot slip through), while TLS (SNI and the
 * certificate's name) and the Host header use the name. No redirect is followed: a 3xx is an
 * answer like any other. The connect is bounded per address; everything after it (TLS handshake,
 * request, answer) shares one deadline that every read waits on, so a trickling server is cut off
 * too; the head and the body are bounded in size ({@link HttpAnswer}).
 */
public final class GuardedHttpClient {
    private final OutboundGuard guard;
    private final Duration connectTimeout;
    private final Duration exchangeTimeout;

    /**
     * @param connectTimeout  bound on one TCP connect
     * @param exchangeTimeout bound on everything after connecting: TLS handshake, request, whole answer
     */
    public GuardedHttpClient(OutboundGuard guard, Duration connectTimeout, Duration exchangeTimeout) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.exchangeTimeout = exchangeTimeout;
    }

    /** The addresses of {@code host} from the system's resolver, for targets without a resolver of their own (webhooks). */
    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }

    /** An address the guard would not let the client connect to, and why. */
    public record Refusal(InetAddress address, String why) {}

    /** No address of the host could be connected to: each was refused by the guard, or failed ("ADDRESS (reason)"). */
    public static final class NotConnected extends Exception {
        private final List<Refusal> refused;
        private final List<String> failed;

        NotConnected(String host, int port, List<Refusal> refused, List<String> failed) {
            super(failed.isEmpty() ? "refused to connect to " + host + ": " + String.join("; ", refused.stream().map(Refusal::why).toList())
                    : "no address of " + host + " accepted a connection on port " + port + ": " + String.join(", ", failed));
            this.refused = List.copyOf(refused);
            this.failed = List.copyOf(failed);
        }

        public List<Refusal> refused() {
            return refused;
        }

        /** Empty when every address was refused: then nothing was tried. */
        public List<String> failed() {
            return failed;
        }
    }

    /**
     * A TCP connection to the first address of {@code addresses} that the guard allows and that
     * accepts; {@code host} is the name the addresses belong to, used for TLS and the Host header.
     */
    public Session connect(String host, int port, List<InetAddress> addresses) throws NotConnected {
        List<Refusal> refused = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (InetAddress a : addresses) {
            String refusal = guard.refusal(a);
            if (refusal != null) {
                refused.add(new Refusal(a, refusal));
                continue;
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(a, port), (int) connectTimeout.toMillis());
                return new Session(socket, host, port, a, refused);
            } catch (IOException e) {
                failed.add(a.getHostAddress() + " (" + reason(e) + ")");
                closeQuietly(socket);
            }
        }
        throw new NotConnected(host, port, refused, failed);
    }

    /** The exception's message, or its kind when it has none. */
    public static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** One exchange over one connection (the request says {@code Connection: close}). */
    public final class Session implements AutoCloseable {
        private final Socket raw;
        private final String host;
        private final int port;
        private final InetAddress address;
        private final List<Refusal> refused;
        private Socket socket;
        private InputStream in;
        private long deadline;

        private Session(Socket raw, String host, int port, InetAddress address, List<Refusal> refused) {
            this.raw = raw;
            this.socket = raw;
            this.host = host;
            this.port = port;
            this.address = address;
            this.refused = List.copyOf(refused);
        }

        /** The address connected to. */
        public InetAddress address() {
            return address;
        }

        /** The addresses before it that the guard refused. */
        public List<Refusal> refused() {
            return refused;
        }

        /**
         * Sends the request (over TLS from {@code tls}, when not null: SNI and the certificate's
         * name checked against the host name) and reads the answer's head; the deadline starts here.
         *
         * @param target  the path and query, e.g. {@code /.well-known/mta-sts.txt}
         * @param headers besides Host, Connection and Content-Length, which are set here
         * @param body    null for none
         */
        public HttpAnswer send(SSLSocketFactory tls, String method, String target, Map<String, String> headers, byte[] body)
                throws IOException {
            deadline = System.nanoTime() + exchangeTimeout.toNanos();
            if (tls != null) socket = handshake(tls);
            in = new BufferedInputStream(new Deadline(socket, deadline));
            OutputStream out = socket.getOutputStream();
            out.write(head(method, target, headers, body).getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) out.write(body);
            out.flush();
            return HttpAnswer.readHead(in);
        }

        /** {@code head} with its body, at most {@code maxBody} bytes, read before the same deadline. */
        public HttpAnswer body(HttpAnswer head, int maxBody) throws IOException {
            return head.readBody(in, maxBody);
        }

        private SSLSocket handshake(SSLSocketFactory tls) throws IOException {
            SSLSocket ssl = (SSLSocket) tls.createSocket(raw, host, port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host (RFC 6125)
            if (!isAddressLiteral(host)) p.setServerNames(List.of(new SNIHostName(host)));
            ssl.setSSLParameters(p);
            ssl.setSoTimeout(remainingMillis(deadline));
            ssl.startHandshake();
            return ssl;
        }

        private String head(String method, String target, Map<String, String> headers, byte[] body) {
            boolean defaultPort = port == (socket instanceof SSLSocket ? 443 : 80);
            String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            StringBuilder b = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(name).append(defaultPort ? "" : ":" + port).append("\r\n");
            headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) b.append("Content-Length: ").append(body.length).append("\r\n");
            return b.append("Connection: close\r\n\r\n").toString();
        }

        @Override
        public void close() {
            closeQuietly(socket);
            closeQuietly(raw);
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) throw new SocketTimeoutException("deadline passed");
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all that is left to do; nothing to tell
        }
    }

    /** Each read waits only for what is left of the whole exchange's time. */
    private static final class Deadline extends FilterInputStream {
        private final Socket socket;
        private final long deadline;

        Deadline(Socket socket, long deadline) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return super.read(b, off, len);
        }
    }
}
