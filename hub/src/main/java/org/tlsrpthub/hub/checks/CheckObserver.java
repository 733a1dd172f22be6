package org.tlsrpthub.hub.checks;

import java.time.Duration;

/** Told about each check and round, for the metrics. */
public interface CheckObserver {
    CheckObserver NONE = new CheckObserver() {};

    /** @param outcome "clean" (no error finding), "errors" (an error finding), "failed" (the check itself failed) */
    default void checked(String outcome) {}

    default void roundDone(Duration took) {}
}
