package org.tlsrpthub.hub.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An HTTP server on loopback that records every request it gets and answers as {@code answer} says:
 * the webhook end of the channel tests.
 */
final class WebhookReceiver implements AutoCloseable {
    record Request(String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer: a status and its headers; the n-th request (0-based) is given. */
    record Answer(int status, Map<String, String> headers) {
        static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Integer, Answer> answer = n -> Answer.of(200);
    private volatile java.util.function.Consumer<Request> onRequest = r -> {};

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    void answer(Function<Integer, Answer> answer) {
        this.answer = answer;
    }

    /** Runs before answering, on the request's thread (a test may block it, or act the moment a request arrives). */
    void onRequest(java.util.function.Consumer<Request> action) {
        this.onRequest = action;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> to(String path) {
        List<Request> out = new ArrayList<>();
        for (Request r : requests) if (r.path().equals(path)) out.add(r);
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        Request r = new Request(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes());
        int n;
        synchronized (requests) {
            n = requests.size();
            requests.add(r);
        }
        onRequest.accept(r);
        Answer a = answer.apply(n);
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] body = ("answer " + a.status()).getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
