package org.tlsrpthub.hub.http;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Per-request facts kept on the context: the request id, the client address, and what the log line reports. */
final class RequestInfo {
    static final String ID = "tlsrpt.request-id";
    static final String CLIENT = "tlsrpt.client";
    static final String OUTCOME = "tlsrpt.outcome";
    static final String REPORTS = "tlsrpt.reports";
    static final String BYTES = "tlsrpt.bytes";
    static final String PROBLEM = "tlsrpt.problem";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestInfo() {}

    /** A fresh id: 12 random bytes as hex, echoed in X-Request-Id and stored in the provenance. */
    static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String id(Context ctx) {
        return ctx.attribute(ID);
    }

    static String client(Context ctx) {
        return ctx.attribute(CLIENT);
    }
}
