package org.tlsrpthub.hub.http;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Per-request facts kept on the context: the request id, the client address, and what the log line reports. */
final class RequestInfo {
    static final String ID = "tlsrpt.request-id";
    static final String CLIENT = "tlsrpt.client";
    static final String OUTCOME = "tlsrpt.outcome";
    static final String REPORTS = "tlsrpt.reports";
    static final String BYTES = "tlsrpt.bytes";
    static final String PROBLEM = "tlsrpt.problem";

    private RequestInfo() {}

    /**
     * A fresh id: 96 random bits as hex, echoed in X-Request-Id and stored in the provenance. It
     * must be unique, not secret, so a fast generator does (SecureRandom serialises on a lock).
     */
    static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(r.nextLong()) + HexFormat.of().toHexDigits(r.nextInt());
    }

    static String id(Context ctx) {
        return ctx.attribute(ID);
    }

    static String client(Context ctx) {
        return ctx.attribute(CLIENT);
    }
}
