package org.tlsrpthub.hub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/** Times a call as the server runs it: warm-up calls, then wall and CPU time per call, printed as p50/p99. */
public final class CallTimer {
    private CallTimer() {}

    @FunctionalInterface
    public interface Call {
        Object run() throws Exception;
    }

    /** Prints one line for {@code what}; returns the wall-time p50 in milliseconds. */
    public static double time(String what, int runs, Call call) throws Exception {
        return time(what, 10, runs, call);
    }

    /** As {@link #time(String, int, Call)} after {@code warmups} untimed calls (fewer for calls of seconds). */
    public static double time(String what, int warmups, int runs, Call call) throws Exception {
        return time(what, warmups, runs, () -> null, call);
    }

    /** As {@link #time(String, int, Call)}, with {@code setup} run before each call, untimed. */
    public static double time(String what, int warmups, int runs, Call setup, Call call) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups; i++) {
            setup.run();
            call.run();
        }
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            setup.run();
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            call.run();
            wall[i] = System.nanoTime() - t;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        System.out.printf("  %-50s wall p50 %7.2f p99 %7.2f ms | cpu p50 %7.2f p99 %7.2f ms%n", what,
                p(wall, 0.50), p(wall, 0.99), p(cpu, 0.50), p(cpu, 0.99));
        return p(wall, 0.50);
    }

    private static double p(long[] ns, double q) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * q) - 1)] / 1e6;
    }
}
