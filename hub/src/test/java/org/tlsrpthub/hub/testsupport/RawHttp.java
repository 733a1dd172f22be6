package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP exchange written byte for byte on a socket to loopback, for what the JDK's client will not
 * send: any Host header or none at all, HTTP/1.0, a chosen SNI name. The server must close the
 * connection after its answer ({@code Connection: close} or HTTP/1.0).
 */
public final class RawHttp {
    private RawHttp() {}

    /** The answer: status, headers (names lower case), body, and over TLS the certificate the server presented. */
    public record Response(int status, Map<String, String> headers, String body, X509Certificate certificate) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code request} as written, CRLF line ends and the blank line included, over plain TCP to 127.0.0.1. */
    public static Response plain(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return exchange(s, request, null);
        }
    }

    /**
     * Over TLS to 127.0.0.1, sending {@code sni} as the server name and checking the certificate
     * against it as a sender would (endpoint identification HTTPS), trusting only {@code trust}'s CAs.
     */
    public static Response tls(int port, String sni, SSLContext trust, String request) throws IOException {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            try (SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket(raw, sni, port, true)) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.startHandshake();
                return exchange(s, request, (X509Certificate) s.getSession().getPeerCertificates()[0]);
            }
        }
    }

    /** A GET (or another method) with the given Host header, {@code null} for none; the connection closes after it. */
    public static String request(String method, String path, String host) {
        return method + " " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n") + "Connection: close\r\n\r\n";
    }

    private static Response exchange(Socket s, String request, X509Certificate certificate) throws IOException {
        s.setSoTimeout(30_000); // a server that never answers fails the test instead of hanging it
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        InputStream in = s.getInputStream();
        String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) throw new IOException("no complete HTTP head in: " + all);
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = all.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8), certificate);
    }
}
