package org.tlsrpthub.hub.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person is watching: progress is drawn only on a terminal. */
final class Terminal {
    private Terminal() {}

    static boolean isInteractive() {
        Console c = System.console();
        if (c == null) return false;
        try {
            // Java 22+: System.console() exists even when redirected; isTerminal() tells the truth.
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console is only there on a terminal
        }
    }
}
