package org.tlsrpthub.hub.checks;

import java.util.Objects;

/**
 * One thing a live check found, in the words the failure-type explanations use. Where the problem is
 * one an RFC 8460 sender would report, {@code id} is that result type ({@code certificate-expired},
 * {@code sts-policy-fetch-error}, …), so the operator sees the same word in the check and in the
 * reports; otherwise it is one of the hub's own ids (documented in docs/checks.md).
 *
 * @param subject what it is about: "_smtp._tls.example.com TXT", "mx1.example.com", "192.0.2.1"
 * @param message plain words: what is wrong, with the values seen
 * @param fix     what to change
 */
public record Finding(String id, FindingSeverity severity, String subject, String message, String fix) {
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }
}
