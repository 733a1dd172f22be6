package org.tlsrpthub.core;

/** How a report arrived: as a bare payload (RFC 8460 §5.2–§5.4) or inside an email (§5.3). */
public enum InputFormat {
    JSON,
    GZIP,
    ZIP,
    EMAIL
}
