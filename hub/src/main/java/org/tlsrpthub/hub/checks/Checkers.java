package org.tlsrpthub.hub.checks;

import java.time.Clock;
import org.tlsrpthub.hub.config.Settings;

/** The one place {@code serve} and the {@code checks} command get their {@link DomainChecker} from. */
public final class Checkers {
    private Checkers() {}

    /** The check engine with the checks.* settings (resolver, ports, CA file, allow-private, timeouts). */
    public static DomainChecker fromSettings(Settings settings, Clock clock) {
        return new CheckService(CheckOptions.from(settings), new MxNotProbed(), clock);
    }
}
