package org.tlsrpthub.hub.smtp;

import java.util.List;
import java.util.Locale;

/**
 * Which envelope recipients the listener takes mail for (setting {@code smtp.recipients}): full
 * addresses ({@code tlsrpt@example.com}) or whole domains ({@code example.com} or {@code @example.com}).
 * {@code *} accepts every recipient, for a listener behind a relay that already filters; an empty
 * list accepts none (and {@link SmtpSettings} refuses to start the listener with one).
 */
record AcceptedRecipients(List<String> addresses, List<String> domains, boolean all) {

    static AcceptedRecipients of(List<String> entries) {
        if (entries.contains("*")) return new AcceptedRecipients(List.of(), List.of(), true);
        List<String> addresses = entries.stream().filter(e -> e.indexOf('@') > 0)
                .map(e -> e.toLowerCase(Locale.ROOT)).toList();
        List<String> domains = entries.stream().filter(e -> e.indexOf('@') <= 0)
                .map(e -> (e.startsWith("@") ? e.substring(1) : e).toLowerCase(Locale.ROOT)).toList();
        return new AcceptedRecipients(addresses, domains, false);
    }

    boolean accepts(String recipient) {
        if (all) return true;
        String r = recipient.trim().toLowerCase(Locale.ROOT);
        if (r.startsWith("<") && r.endsWith(">")) r = r.substring(1, r.length() - 1);
        if (addresses.contains(r)) return true;
        int at = r.lastIndexOf('@');
        return at > 0 && domains.contains(r.substring(at + 1));
    }
}
