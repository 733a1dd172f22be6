package org.tlsrpthub.hub.notifications;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.tlsrpthub.hub.testsupport.ChildJvm;

/** {@code serve} child processes whose only channel is a webhook to the test's receiver. */
final class ServeNodes {
    private ServeNodes() {}

    static Path config(Path dir, String node, String webhookUrl) throws Exception {
        Map<String, String> props = new TreeMap<>(Map.of("jobs.poll-interval-seconds", "1", "jobs.node-name", node,
                "alerts.delivery.interval-seconds", "1", "alerts.delivery.timeout-seconds", "2", "alerts.delivery.lease-seconds", "8",
                "alerts.allow-private", "true", "alerts.channel.hook.type", "webhook", "alerts.channel.hook.url", webhookUrl));
        StringBuilder b = new StringBuilder();
        props.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve(node + ".properties"), b);
    }

    static Process serve(Path dir, String db, Path config, String node) throws Exception {
        return ChildJvm.start(dir.resolve(node + ".log"), "serve", "--db", db, "--config", config.toString(), "--port", "0");
    }

    /** Kills the nodes still running and waits for them (after each test). */
    static void stop(Process... nodes) throws InterruptedException {
        for (Process p : nodes) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** Fails the waiting test when a node stopped by itself (137: killed by the test). */
    static void assertRunning(Path dir, String node, Process p) throws Exception {
        if (p != null && !p.isAlive() && p.exitValue() != 137) {
            throw new AssertionError("node " + node + " stopped: " + Files.readString(dir.resolve(node + ".log")));
        }
    }
}
