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

    /** RFC 8460 §3: the record lives at {@code _smtp._tls.} under the policy domain. */
    private static final String PREFIX = "_smtp._tls.";

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
     * A complete zone file line for {@code _smtp._tls.<domain>} (RFC 8460 §3). A domain given with the
     * {@code _smtp._tls.} prefix already on it is accepted too.
     *
     * @throws IllegalArgumentException if {@code domain} is not a valid domain name
     */
    public String zoneLine(String domain) {
        String bare = domain.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? domain.substring(PREFIX.length()) : domain;
        String ascii = DomainNames.toALabels(bare).orElseThrow(() ->
                new IllegalArgumentException("'" + domain + "' is not a valid domain name"));
        return PREFIX + ascii + ". IN TXT " + zoneFileForm();
    }
}
