package org.tlsrpthub.core.mtasts;

import java.util.List;
import java.util.Objects;

import org.tlsrpthub.core.syntax.RecordError;
import org.tlsrpthub.core.syntax.RecordWarning;

/** The outcome of parsing a TXT record as MTA-STS: not one, a broken one, or a usable one. */
public sealed interface MtaStsRecordParse {

    /** The text does not begin with {@code v=STSv1}; {@code reason} says what it begins with. */
    record NotMtaSts(String reason) implements MtaStsRecordParse {
        public NotMtaSts {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Invalid: RFC 8461 §3.1 says the domain then has no available policy. */
    record Malformed(RecordError error) implements MtaStsRecordParse {
        public Malformed {
            Objects.requireNonNull(error, "error");
        }
    }

    record Valid(MtaStsRecord record, List<RecordWarning> warnings) implements MtaStsRecordParse {
        public Valid {
            Objects.requireNonNull(record, "record");
            warnings = List.copyOf(warnings);
        }
    }
}
