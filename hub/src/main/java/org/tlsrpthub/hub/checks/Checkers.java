package org.tlsrpthub.hub.checks;

import java.time.Clock;
import org.tlsrpthub.hub.config.Settings;

/** The one place {@code serve} and the {@code checks} command get their {@link DomainChecker} from. */
public final class Checkers {
    private Checkers() {}

    /**
     * The check engine with the STARTTLS and DANE prober and the checks.* settings (resolver, ports, CA file,
     * allow-private, timeouts); called once per process, so its per-address rate limiter is the process's one.
     */
    public static DomainChecker fromSettings(Settings settings, Clock clock) {
        return org.tlsrpthub.hub.checks.probe.ProbingChecker.service(CheckOptions.from(settings),
                org.tlsrpthub.hub.checks.probe.ProbingChecker.limiter(clock), clock);
    }
}
