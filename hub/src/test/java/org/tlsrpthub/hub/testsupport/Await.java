package org.tlsrpthub.hub.testsupport;

import java.util.concurrent.Callable;

/**
 * Waits for a condition instead of for a time: no test fails because a loaded machine was slow. A
 * condition that can no longer come true should be made to throw (for example when a child process
 * has died), so that the test fails at once with the reason rather than waiting.
 */
public final class Await {
    private Await() {}

    public static void until(Callable<Boolean> condition) throws Exception {
        while (!condition.call()) Thread.sleep(50);
    }
}
