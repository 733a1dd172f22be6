package org.tlsrpthub.hub.checks.probe;

import java.util.List;

/** One SMTP reply: its three-digit code and the text of each line (without the code). */
record SmtpReply(int code, List<String> lines) {
    SmtpReply {
        lines = List.copyOf(lines);
    }

    boolean positive() {
        return code >= 200 && code < 400;
    }

    /** The first line as the server sent it, for messages: "421 too busy". */
    String firstLine() {
        return code + (lines.isEmpty() ? "" : " " + lines.get(0));
    }
}
