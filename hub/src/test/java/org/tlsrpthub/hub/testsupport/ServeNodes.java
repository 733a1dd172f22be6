package org.tlsrpthub.hub.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tlsrpthub.hub.config.Settings;

/** Hub nodes as real {@code serve} processes on one database, each with its config file and log ({@code NODE.log}) in a folder. */
public final class ServeNodes {
    private ServeNodes() {}

    public static Process serve(Path dir, String url, String node, Map<String, String> settings) throws Exception {
        Path config = dir.resolve(node + ".properties");
        StringBuilder props = new StringBuilder();
        settings.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        props.append("jobs.node-name=").append(node).append('\n');
        Files.writeString(config, props);
        // the settings given here win over the test JVM's environment (surefire sets TLSRPT_CHECKS_SCHEDULE=false)
        List<String> unset = settings.keySet().stream().map(Settings::envName).toList();
        return ChildJvm.start(dir.resolve(node + ".log"), unset, "serve", "--db", url, "--config", config.toString(), "--port", "0");
    }

    /** Kills the nodes still running (kill -9) and waits for them to end. */
    public static void stop(Process... nodes) throws InterruptedException {
        for (Process p : nodes) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Fails the waiting test when a node stopped by itself (137: killed by the test). */
    public static void assertRunning(Path dir, String node, Process p) throws Exception {
        if (p != null && !p.isAlive() && p.exitValue() != 137) {
            throw new AssertionError("node " + node + " stopped: " + Files.readString(dir.resolve(node + ".log")));
        }
    }
}
