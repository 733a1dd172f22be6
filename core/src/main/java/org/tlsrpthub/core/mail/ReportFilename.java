package org.tlsrpthub.core.mail;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a report attachment's name, RFC 8460 §5.1:
 * {@code sender "!" policy-domain "!" begin-timestamp "!" end-timestamp [ "!" unique-id ] "." extension},
 * timestamps in seconds since the Unix epoch. The name is only RECOMMENDED, so it is parsed when it
 * has this shape and otherwise ignored; where it disagrees with the JSON, the JSON wins (§5.6).
 *
 * @param sender       the reporter's domain (lower-cased)
 * @param policyDomain the policy domain (lower-cased)
 * @param begin        start of the reporting period
 * @param end          end of the reporting period
 * @param uniqueId     the optional unique id; null when absent (PPATK, the RFC sample)
 * @param extension    what follows the fields, e.g. {@code json}, {@code json.gz} (lower-cased)
 */
public record ReportFilename(
        String sender, String policyDomain, Instant begin, Instant end, String uniqueId, String extension) {

    // Fields may not contain "!" (§5.1); timestamps are decimal. Up to 12 digits keeps Instant in range.
    private static final Pattern SHAPE = Pattern.compile(
            "([^!]+)!([^!]+)!(\\d{1,12})!(\\d{1,12})(?:!([^!]*?))?\\.(json(?:\\.gz|\\.gzip|\\.zip)?|gz|zip)",
            Pattern.CASE_INSENSITIVE);

    public ReportFilename {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(policyDomain, "policyDomain");
        Objects.requireNonNull(begin, "begin");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(extension, "extension");
    }

    /** The fields of {@code filename}, or null when it does not have the §5.1 shape. */
    public static ReportFilename parse(String filename) {
        if (filename == null) return null;
        String name = filename.strip();
        // Some clients keep a path; the RFC name is the last segment.
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        Matcher m = SHAPE.matcher(name);
        if (!m.matches()) return null;
        String unique = m.group(5);
        return new ReportFilename(
                m.group(1).toLowerCase(Locale.ROOT),
                m.group(2).toLowerCase(Locale.ROOT),
                Instant.ofEpochSecond(Long.parseLong(m.group(3))),
                Instant.ofEpochSecond(Long.parseLong(m.group(4))),
                unique == null || unique.isEmpty() ? null : unique,
                m.group(6).toLowerCase(Locale.ROOT));
    }
}
