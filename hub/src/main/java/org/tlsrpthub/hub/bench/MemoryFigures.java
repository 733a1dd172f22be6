package org.tlsrpthub.hub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak heap and resident set size, printed beside a benchmark's throughput: a figure that is fast
 * only because it may use gigabytes would not hold on a small server. Peak heap is the sum of the
 * heap pools' peaks since the last {@link #reset} (an upper bound: the pools peak at different
 * moments); RSS and its peak come from /proc/self/status (Linux; "n/a" elsewhere).
 */
public final class MemoryFigures {
    private MemoryFigures() {}

    /** Starts a new measurement of the peak heap. */
    public static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    /** e.g. "heap peak 143 MiB of max 256 MiB, RSS 412 MiB (peak 430 MiB)". */
    public static String now() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        long max = Runtime.getRuntime().maxMemory();
        return String.format("heap peak %,d MiB of max %,d MiB, RSS %s (peak %s)", peak >> 20, max >> 20,
                procStatus("VmRSS:"), procStatus("VmHWM:"));
    }

    private static String procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    long kib = Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                    return String.format("%,d MiB", kib >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: say so rather than guess
        }
        return "n/a";
    }
}
