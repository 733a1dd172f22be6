package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Senders arrive in bursts (many just after midnight UTC). With the JDK's default backlog of 50 a
 * burst of connections overflows the listen queue and the kernel drops SYNs, which the sender
 * retries only a second later. The kernel's own view of the listening socket (ss) shows the queue.
 */
class ListenBacklogTest {
    @TempDir Path dir;

    @Test
    void theListeningSocketQueuesABurstOfConnections() throws Exception {
        try (RunningHub hub = new RunningHub(dir)) {
            int port = hub.url().getPort();
            Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(ss.waitFor()).as(out).isZero();
            // State Recv-Q Send-Q Local Peer; for a listening socket Send-Q is the backlog (capped by somaxconn)
            String[] columns = out.split("\\s+");
            assertThat(columns[0]).isEqualTo("LISTEN");
            assertThat(Integer.parseInt(columns[2])).isGreaterThanOrEqualTo(Math.min(1024, somaxconn()));
        }
    }

    private static int somaxconn() throws Exception {
        // readAllLines, not readString: the proc file reports size 0 and readString came back with one byte
        return Integer.parseInt(java.nio.file.Files.readAllLines(Path.of("/proc/sys/net/core/somaxconn")).get(0).trim());
    }
}
