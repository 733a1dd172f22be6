package org.tlsrpthub.hub.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real curl and returns what it printed on stdout; fails on a curl error. */
public final class Curl {
    private Curl() {}

    public static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("curl did not finish: " + cmd);
        }
        if (p.exitValue() != 0) throw new IOException("curl exited with " + p.exitValue() + ": " + cmd);
        return new String(out, StandardCharsets.UTF_8);
    }
}
