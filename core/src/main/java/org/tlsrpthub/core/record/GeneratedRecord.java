package org.tlsrpthub.core.record;

import java.util.List;
import java.util.stream.Collectors;

import org.tlsrpthub.core.syntax.DomainNames;

/**
 * A generated TLS-RPT record in the forms an operator needs.
 *
 * @param text             the whole record, ASCII
 * @param characterStrings the record cut into DNS character-strings of at most 255 octets, in order
 *                         (RFC 1035 §3.3; receivers join them with no separator, RFC 8460 §3)
 */
public record GeneratedRecord(String text, List<String> characterStrings) {

    public GeneratedRecord {
        characterStrings = List.copyOf(characterStrings);
    }

    /** The strings as a zone file writes them: {@code "…" "…"}. */
    public String zoneFileForm() {
        return characterStrings.stream()
                .map(s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(" "));
    }

    /**
     * A complete zone file line for {@code _smtp._tls.<domain>} (RFC 8460 §3).
     *
     * @throws IllegalArgumentException if {@code domain} is not a valid domain name
     */
    public String zoneLine(String domain) {
        String ascii = DomainNames.toALabels(domain).orElseThrow(() ->
                new IllegalArgumentException("'" + domain + "' is not a valid domain name"));
        return "_smtp._tls." + ascii + ". IN TXT " + zoneFileForm();
    }
}
