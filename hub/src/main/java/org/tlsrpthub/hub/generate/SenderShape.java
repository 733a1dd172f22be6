package org.tlsrpthub.hub.generate;

/**
 * How one reporting organisation's reports look, modelled on real senders' reports in the shared
 * corpus (Google: STS with mx-host, report-id from date and domain; Microsoft: no mx-host,
 * numeric report-id with "+domain", sometimes a TLSA policy beside STS; small senders: few sessions).
 *
 * @param sessionsScale typical successful sessions per report and domain
 * @param failureRate   share of reports that carry failures
 */
record SenderShape(String organizationName, String contactInfo, Style style, int sessionsScale, double failureRate) {

    enum Style { GOOGLE, MICROSOFT, SMALL }

    static SenderShape forIndex(int i) {
        return switch (i) {
            case 0 -> new SenderShape("Google Inc.", "smtp-tls-reporting@google.com", Style.GOOGLE, 400, 0.08);
            case 1 -> new SenderShape("Microsoft Corporation", "tlsrpt-noreply@microsoft.com", Style.MICROSOFT, 250, 0.10);
            case 2 -> new SenderShape("Mail.Ru", "tls_support@corp.mail.ru", Style.SMALL, 30, 0.15);
            case 3 -> new SenderShape("Mimecast", "noreply@mimecast.org", Style.GOOGLE, 60, 0.05);
            case 4 -> new SenderShape("Yahoo", "tlsrpt@yahooinc.com", Style.GOOGLE, 80, 0.06);
            default -> new SenderShape("sender" + i + ".example", "postmaster@sender" + i + ".example", Style.SMALL, 5, 0.2);
        };
    }
}
