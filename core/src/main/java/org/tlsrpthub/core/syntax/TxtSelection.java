package org.tlsrpthub.core.syntax;

import java.util.List;

/**
 * The outcome of picking the one relevant TXT record among all records of a name: senders use a
 * policy only when exactly one record carries the version prefix (RFC 8460 §3, RFC 8461 §3.1).
 */
public sealed interface TxtSelection {

    /** No record begins with the version tag: the domain does not publish one. */
    record None() implements TxtSelection {
    }

    /** Exactly one candidate, to be parsed. */
    record One(String record) implements TxtSelection {
    }

    /** Several candidates: senders MUST treat the domain as publishing none. */
    record Multiple(List<String> records) implements TxtSelection {
        public Multiple {
            records = List.copyOf(records);
        }
    }
}
