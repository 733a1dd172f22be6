package org.tlsrpthub.core.mtasts;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.tlsrpthub.core.syntax.Extension;

/**
 * A valid MTA-STS TXT record (RFC 8461 §3.1).
 *
 * @param id         opaque policy version: compared for equality only; a new id means a new policy
 * @param extensions other fields, kept verbatim; senders ignore them
 */
public record MtaStsRecord(String id, List<Extension> extensions) {

    public MtaStsRecord {
        Objects.requireNonNull(id, "id");
        extensions = List.copyOf(extensions);
    }

    /** The record as it would be published, {@code v=STSv1; id=…;} plus any extensions. */
    public String toText() {
        String ext = extensions.stream().map(e -> " " + e.name() + "=" + e.value() + ";").collect(Collectors.joining());
        return MtaStsRecordParser.VERSION + "; id=" + id + ";" + ext;
    }
}
