package org.tlsrpthub.hub.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.tlsrpthub.hub.config.Settings;

/**
 * @param enabled      false: this node runs no background job (the others sharing the database do)
 * @param pollInterval how often the node looks for due jobs
 * @param nodeName     how the node shows in the run ledger and in db-scheduler's picked_by
 */
public record JobSettings(boolean enabled, Duration pollInterval, String nodeName) {
    public static JobSettings from(Settings s) {
        int poll = s.getInt("jobs.poll-interval-seconds", 10);
        if (poll < 1) throw new IllegalArgumentException("jobs.poll-interval-seconds must be at least 1, not " + poll);
        return new JobSettings(s.getBoolean("jobs.enabled", true), Duration.ofSeconds(poll), s.get("jobs.node-name", defaultNodeName()));
    }

    private static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
