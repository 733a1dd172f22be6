package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A server on 127.0.0.1 that answers every connection with bytes that are not what the client
 * expects: plain text where TLS should be, or (over a real TLS session) text that is not HTTP.
 */
public final class GarbageServer implements AutoCloseable {
    private static final byte[] GARBAGE = "garbage \u0001\u0002 this is no protocol at all\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private final ServerSocket socket;
    private final Thread acceptor;

    private GarbageServer(ServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().start(this::serve);
    }

    /** Plain bytes on a port where a TLS handshake is expected. */
    public static GarbageServer plain() throws IOException {
        return new GarbageServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** A real TLS handshake with {@code leaf}, then bytes that are not an HTTP answer. */
    public static GarbageServer tls(TestCa.Leaf leaf) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(leaf.keyStore(), "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return new GarbageServer(ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                if (s instanceof SSLSocket ssl) ssl.startHandshake();
                OutputStream out = s.getOutputStream();
                out.write(GARBAGE);
                out.flush();
                s.shutdownOutput();
                s.getInputStream().readNBytes(4096); // until the client hangs up
            } catch (IOException e) {
                // the client gave up on the garbage, or the server is closing: next connection
            }
        }
    }

    @Override
    public void close() throws Exception {
        socket.close();
        acceptor.join();
    }
}
