package org.tlsrpthub.core.record;

import java.util.List;
import java.util.Objects;

import org.tlsrpthub.core.syntax.RecordError;
import org.tlsrpthub.core.syntax.RecordWarning;

/**
 * The outcome of parsing a TXT record as TLS-RPT. "Not a TLS-RPT record" (another TXT record at the
 * name, to be skipped) is kept apart from "a broken TLS-RPT record" (which an operator must fix).
 */
public sealed interface TlsRptRecordParse {

    /** The text does not begin with {@code v=TLSRPTv1}; {@code reason} says what it begins with. */
    record NotTlsRpt(String reason) implements TlsRptRecordParse {
        public NotTlsRpt {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A TLS-RPT record that does not follow the grammar; senders treat the domain as having none. */
    record Malformed(RecordError error) implements TlsRptRecordParse {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A usable record, with what was tolerated. */
    record Valid(TlsRptRecord record, List<RecordWarning> warnings) implements TlsRptRecordParse {
        public Valid {
            Objects.requireNonNull(record, "record");
            warnings = List.copyOf(warnings);
        }
    }
}
