package org.tlsrpthub.core.record;

import java.util.List;

import org.tlsrpthub.core.syntax.Extension;

/**
 * A valid TLS-RPT DNS record (RFC 8460 §3).
 *
 * @param rua        the reporting destinations, in record order, each once (several rua= fields merged)
 * @param extensions fields other than v and rua, kept verbatim; senders ignore them (RFC 8460 §3)
 */
public record TlsRptRecord(List<RuaDestination> rua, List<Extension> extensions) {

    public TlsRptRecord {
        rua = List.copyOf(rua);
        extensions = List.copyOf(extensions);
        if (rua.isEmpty()) throw new IllegalArgumentException("a TLS-RPT record needs at least one rua URI");
    }
}
