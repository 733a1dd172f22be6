package org.tlsrpthub.core.mtasts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tlsrpthub.core.syntax.Chars;
import org.tlsrpthub.core.syntax.DomainNames;

/**
 * Checks an MTA-STS policy file ({@code /.well-known/mta-sts.txt}, RFC 8461 §3.2). Pure: the text is
 * given, not fetched. Every line is checked, so all problems are reported at once.
 */
public final class MtaStsPolicyParser {

    /** RFC 8461 §3.2: max_age is at most 31,557,600 seconds (one year). Larger values are refused as errors. */
    public static final long MAX_AGE_LIMIT = 31_557_600L;
    /** RFC 8461 §3.2 as corrected by erratum 7282: {@code 1*10DIGIT}. */
    static final int MAX_AGE_DIGITS = 10;

    private static final List<String> KNOWN_KEYS = List.of("version", "mode", "max_age", "mx");

    private MtaStsPolicyParser() {
    }

    public static MtaStsPolicyParse parse(String text) {
        return new Run().parse(text);
    }

    /** The state of one parse: fields seen so far and problems found. */
    private static final class Run {
        private final List<PolicyProblem> errors = new ArrayList<>();
        private final List<PolicyProblem> warnings = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final Set<MxPattern> mx = new LinkedHashSet<>();
        private PolicyMode mode;
        private Long maxAge;

        MtaStsPolicyParse parse(String text) {
            if (text.isEmpty()) {
                errors.add(new PolicyProblem(0, "the policy is empty"));
                return result();
            }
            List<String> lines = splitLines(text);
            for (int i = 0; i < lines.size(); i++) line(i + 1, lines.get(i));
            if (!seen.contains("version")) missing("version: STSv1");
            if (!seen.contains("mode")) missing("mode: (enforce, testing or none)");
            if (!seen.contains("max_age")) missing("max_age: (seconds)");
            if (mode != null && mode != PolicyMode.NONE && !seen.contains("mx")) {
                // RFC 8461 §3.2: mx is required for enforce and testing, optional for none.
                errors.add(new PolicyProblem(0, "no mx: line; at least one is required when mode is " + mode.value()));
            }
            return result();
        }

        private MtaStsPolicyParse result() {
            if (!errors.isEmpty()) return new MtaStsPolicyParse.Invalid(errors, warnings);
            return new MtaStsPolicyParse.Valid(new MtaStsPolicy(mode, maxAge, List.copyOf(mx)), warnings);
        }

        private void missing(String field) {
            errors.add(new PolicyProblem(0, "the required field '" + field + "' is missing"));
        }

        /**
         * RFC 8461 §3.2 with erratum 6253: lines end in LF or CRLF; the last line's terminator is
         * optional. A CR not followed by LF is left in the line and reported there.
         */
        private List<String> splitLines(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (text.endsWith("\n")) lines.removeLast();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.endsWith("\r")) lines.set(i, l.substring(0, l.length() - 1));
            }
            return lines;
        }

        private void line(int n, String raw) {
            if (raw.isBlank()) {
                // The grammar has no empty lines; they harm no sender we know of, so tolerate them.
                warnings.add(new PolicyProblem(n, "empty line ignored (RFC 8461 §3.2 has none)"));
                return;
            }
            String line = raw;
            if (Chars.isWsp(line.charAt(0))) {
                // RFC 8461 §3.2: a field begins at the start of the line; no leading whitespace.
                errors.add(new PolicyProblem(n, "the line begins with whitespace; fields must start at the"
                        + " beginning of the line"));
                line = line.substring(Chars.skipWsp(line, 0));
            }
            int cr = line.indexOf('\r');
            if (cr >= 0) {
                errors.add(new PolicyProblem(n, "carriage return (CR) not followed by line feed; lines end in LF or CRLF"));
                return;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                errors.add(new PolicyProblem(n, "'" + shorten(line) + "' is not a field; fields are written key: value"));
                return;
            }
            String key = line.substring(0, colon);
            if (!validKey(n, key)) return;
            // RFC 8461 §3.2: field = key ":" *WSP value, and *WSP may follow a field before the line ends.
            String value = line.substring(Chars.skipWsp(line, colon + 1)).stripTrailing();
            if (!KNOWN_KEYS.contains(key)) {
                String hint = KNOWN_KEYS.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst()
                        .map(k -> "; keys are case-sensitive, did you mean '" + k + "'?").orElse("");
                warnings.add(new PolicyProblem(n, "unknown field '" + key + "' ignored" + hint));
                return;
            }
            if (!key.equals("mx") && !seen.add(key)) {
                // RFC 8461 §3.2: a repeated field other than mx: the first occurrence wins.
                warnings.add(new PolicyProblem(n, "'" + key + "' given again; the first value is used"));
                return;
            }
            seen.add(key);
            switch (key) {
                case "version" -> version(n, value);
                case "mode" -> mode(n, value);
                case "max_age" -> maxAge(n, value);
                default -> mx(n, value);
            }
        }

        /** {@code sts-policy-ext-name}: (ALPHA / DIGIT) 0*31(ALPHA / DIGIT / "_" / "-" / "."). */
        private boolean validKey(int n, String key) {
            String problem = null;
            if (key.isEmpty()) problem = "a key is missing before ':'";
            else if (Chars.isWsp(key.charAt(key.length() - 1))) problem = "whitespace between '" + key.strip() + "' and ':'";
            else if (key.length() > 32) problem = "key '" + shorten(key) + "' is longer than 32 characters";
            else {
                for (int i = 0; i < key.length() && problem == null; i++) {
                    char c = key.charAt(i);
                    boolean ok = Chars.isAlphaNum(c) || (i > 0 && (c == '_' || c == '-' || c == '.'));
                    if (!ok) problem = "character " + Chars.describe(c) + " is not allowed in key '" + shorten(key) + "'";
                }
            }
            if (problem != null) errors.add(new PolicyProblem(n, problem));
            return problem == null;
        }

        private void version(int n, String value) {
            if (!value.equals("STSv1")) { // RFC 8461 §3.2: %s"STSv1", case-sensitive
                errors.add(new PolicyProblem(n, "version is '" + shorten(value) + "'; it must be STSv1"));
            }
        }

        private void mode(int n, String value) {
            Optional<PolicyMode> m = PolicyMode.of(value);
            if (m.isPresent()) {
                mode = m.get();
                return;
            }
            String hint = PolicyMode.of(value.toLowerCase(java.util.Locale.ROOT)).isPresent()
                    ? " (values are case-sensitive)" : "";
            errors.add(new PolicyProblem(n, "mode is '" + shorten(value) + "'; it must be enforce, testing or none" + hint));
        }

        private void maxAge(int n, String value) {
            boolean digits = !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits) {
                errors.add(new PolicyProblem(n, "max_age is '" + shorten(value) + "'; it must be a number of seconds"));
            } else if (value.length() > MAX_AGE_DIGITS) {
                // RFC 8461 erratum 7282: 1*10DIGIT.
                errors.add(new PolicyProblem(n, "max_age has " + value.length() + " digits; at most 10 are allowed"));
            } else {
                long v = Long.parseLong(value);
                if (v > MAX_AGE_LIMIT) {
                    // RFC 8461 §3.2 caps max_age at one year; the RFC does not say what a larger value means,
                    // so we refuse it rather than guess (checklist 6.4 [gap]).
                    errors.add(new PolicyProblem(n, "max_age " + v + " is more than " + MAX_AGE_LIMIT
                            + " seconds (one year, RFC 8461 §3.2)"));
                } else {
                    maxAge = v;
                }
            }
        }

        /** {@code mx: [ "*." ] Domain} (RFC 8461 §3.2, RFC 5321 Domain): ASCII, no trailing dot. */
        private void mx(int n, String value) {
            if (value.isEmpty()) {
                errors.add(new PolicyProblem(n, "mx has no value"));
                return;
            }
            String domain = value.startsWith("*.") ? value.substring(2) : value;
            String problem = null;
            if (domain.contains("*")) {
                problem = "'*' is allowed only as the whole leftmost label ('*.example.com')";
            } else if (domain.endsWith(".")) {
                problem = "a trailing dot is not allowed; write '" + value.substring(0, value.length() - 1) + "'";
            } else if (domain.chars().anyMatch(c -> c > 0x7e)) {
                problem = DomainNames.toALabels(domain).map(a -> "the policy must be ASCII; write the A-label form '"
                        + (value.startsWith("*.") ? "*." : "") + a + "'").orElse("not a valid host name");
            } else if (!DomainNames.isHostName(domain)) {
                problem = "not a valid host name";
            }
            if (problem != null) {
                errors.add(new PolicyProblem(n, "mx '" + shorten(value) + "': " + problem));
                return;
            }
            if (!mx.add(MxPattern.of(value))) {
                warnings.add(new PolicyProblem(n, "mx '" + value + "' is listed more than once"));
            }
        }

        private static String shorten(String s) {
            String visible = s.replaceAll("\\p{Cntrl}", "?");
            return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
        }
    }
}
