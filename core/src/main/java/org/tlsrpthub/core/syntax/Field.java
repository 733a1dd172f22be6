package org.tlsrpthub.core.syntax;

/**
 * One {@code name=value} field of a TXT record as written, with offsets into the record text so
 * that errors found later (in a URI, an id) can still point at the right character.
 */
public record Field(String name, int nameOffset, String value, int valueOffset) {
}
