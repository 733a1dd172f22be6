package org.tlsrpthub.hub.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
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
import org.tlsrpthub.hub.net.OutboundGuard;

/**
 * One HTTP/1.1 POST to an operator-configured webhook. Written here rather than with the JDK's client
 * because the guard must judge the address actually connected to: the name is resolved here, every
 * address is checked before a socket is opened to it, and the socket goes to that very address (so a
 * name that re-resolves elsewhere between a check and a connect cannot slip through). No redirect is
 * followed, connecting and each read have a timeout, the whole exchange a deadline, and at most
 * {@code maxResponseBytes} of the answer are read.
 */
final class GuardedHttpPost {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final OutboundGuard guard;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final SSLSocketFactory tls;

    GuardedHttpPost(OutboundGuard guard, Duration timeout, int maxResponseBytes, SSLSocketFactory tls) {
        this.guard = guard;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.tls = tls;
    }

    /** The status code and the start of the body. */
    record Response(int status, String body) {}

    /** Checks the URL's form; the message names the setting. */
    static URI parse(String url, String setting) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": not a URL: " + e.getMessage());
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException(setting + ": use an http or https URL, not " + uri.getScheme());
        }
        if (uri.getHost() == null) throw new IllegalArgumentException(setting + ": the URL has no host");
        return uri;
    }

    Response post(URI uri, Map<String, String> headers, byte[] body) throws DeliveryException {
        long deadline = System.nanoTime() + 3 * timeout.toNanos();
        try (Socket socket = connect(uri)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream(), deadline);
        } catch (IOException e) {
            throw DeliveryException.retry(uri.getHost() + ": " + e);
        }
    }

    private Socket connect(URI uri) throws DeliveryException, IOException {
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw DeliveryException.retry(uri.getHost() + ": no such host");
        }
        List<String> refusals = new ArrayList<>();
        IOException last = null;
        for (InetAddress a : addresses) {
            String refusal = guard.refusal(a);
            if (refusal != null) {
                refusals.add(refusal);
                continue;
            }
            Socket plain = new Socket();
            try {
                plain.connect(new InetSocketAddress(a, port), (int) timeout.toMillis());
                return https ? wrap(plain, uri.getHost(), port) : plain;
            } catch (IOException e) {
                plain.close();
                last = e;
            }
        }
        if (last != null) throw last;
        throw DeliveryException.permanent("refused to connect to " + uri.getHost() + ": " + String.join("; ", refusals));
    }

    private Socket wrap(Socket plain, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) tls.createSocket(plain, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        if (!host.isEmpty() && Character.isLetter(host.charAt(host.length() - 1))) p.setServerNames(List.of(new SNIHostName(host)));
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private static String head(URI uri, Map<String, String> headers, int length) {
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = uri.getHost().contains(":") ? "[" + uri.getHost() + "]" : uri.getHost();
        StringBuilder b = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n")
                .append("User-Agent: tlsrpt-hub\r\nContent-Type: application/json\r\nConnection: close\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return b.append("\r\n").toString();
    }

    private Response read(InputStream in, long deadline) throws IOException, DeliveryException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) { // up to the blank line ending the headers
            int b = in.read();
            if (b < 0) throw DeliveryException.retry("the server closed the connection before answering");
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEADER_BYTES) throw DeliveryException.retry("the answer's headers exceed " + MAX_HEADER_BYTES + " bytes");
            if (System.nanoTime() > deadline) throw DeliveryException.retry("no complete answer within " + 3 * timeout.toSeconds() + " s");
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        String[] status = headers.split("\r\n", 2)[0].split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (RuntimeException e) {
            throw DeliveryException.retry("not an HTTP answer: " + headers.split("\r\n", 2)[0]);
        }
        // the body only tells why a webhook refused: read up to the cap (or its length), never past the deadline
        long want = Math.min(maxResponseBytes, contentLength(headers));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int n;
            while (body.size() < want && System.nanoTime() < deadline
                    && (n = in.read(buf, 0, (int) Math.min(buf.length, want - body.size()))) > 0) {
                body.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // the status has come; a body that stalls is not waited for
        }
        return new Response(code, body.toString(StandardCharsets.UTF_8));
    }

    private static long contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-length")) {
                try {
                    return Long.parseLong(line.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }
}
