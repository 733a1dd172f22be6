package org.tlsrpthub.hub.checks.probe;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.tlsrpthub.hub.checks.CheckOptions;
import org.tlsrpthub.hub.checks.CheckService;

/**
 * The live check as the hub runs it, from the {@code check} command, the "check now" button, the API
 * and the scheduled rounds alike: the domain check with the STARTTLS and DANE prober.
 */
public final class ProbingChecker {
    /** The EHLO name when the hub has no public URL: a name that can never be mistaken for a real host. */
    static final String FALLBACK_EHLO = "tlsrpt-hub.invalid";

    private ProbingChecker() {
    }

    /** @param limiter one per process, shared by every check, so no MX is probed more often than its interval */
    public static CheckService service(CheckOptions o, AddressRateLimiter limiter, Clock clock) {
        return new CheckService(o, new StartTlsProber(o.dns(), ProbeSettings.from(o, limiter, ehloName(o), clock)), clock);
    }

    public static AddressRateLimiter limiter(Clock clock) {
        return new AddressRateLimiter(AddressRateLimiter.DEFAULT_INTERVAL, clock);
    }

    /** The host of the hub's public URL: the name it is known by, as EHLO asks for (RFC 5321 §4.1.1.1). */
    static String ehloName(CheckOptions o) {
        List<String> urls = o.hub().urls();
        if (urls.isEmpty()) return FALLBACK_EHLO;
        String host = URI.create(urls.getFirst()).getHost();
        return host == null ? FALLBACK_EHLO : host;
    }
}
