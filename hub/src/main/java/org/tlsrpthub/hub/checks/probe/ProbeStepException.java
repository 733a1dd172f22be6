package org.tlsrpthub.hub.checks.probe;

/** A step of the SMTP dialogue did not go as a working server's would; the message says which and why. */
final class ProbeStepException extends Exception {
    private final boolean timedOut;

    ProbeStepException(String message) {
        this(message, false);
    }

    ProbeStepException(String message, boolean timedOut) {
        super(message);
        this.timedOut = timedOut;
    }

    /** The server went quiet before the step's deadline (as opposed to answering wrongly). */
    boolean timedOut() {
        return timedOut;
    }
}
