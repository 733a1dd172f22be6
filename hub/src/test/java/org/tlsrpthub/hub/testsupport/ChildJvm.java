package org.tlsrpthub.hub.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the hub's CLI in another JVM on the test classpath: a second hub process, or one to kill. */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Path output, String... args) throws IOException {
        return start(output, List.of(), args);
    }

    /**
     * As {@link #start(Path, String...)}, without the environment variables named (the test JVM's
     * {@code TLSRPT_*} settings would override a child's config file).
     */
    public static Process start(Path output, List<String> unsetEnv, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.tlsrpthub.hub.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        unsetEnv.forEach(pb.environment()::remove);
        return pb.start();
    }
}
