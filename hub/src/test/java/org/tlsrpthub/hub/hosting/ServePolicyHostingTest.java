package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.http.Curl;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.store.DatabaseLocation;
import org.tlsrpthub.hub.testsupport.Await;
import org.tlsrpthub.hub.testsupport.ChildJvm;
import org.tlsrpthub.hub.testsupport.TestCa;

/** The real {@code serve} command in a child JVM with the policy listener set: curl fetches a hosted policy by name. */
class ServePolicyHostingTest {
    @TempDir Path dir;

    @Test
    void serveAnnouncesThePolicyListenerAndCurlGetsThePolicyByName() throws Exception {
        TestCa ca = TestCa.create("Serve test CA");
        Path caPem = ca.writePem(dir.resolve("ca.pem"));
        Path certs = Files.createDirectory(dir.resolve("certs"));
        ca.issue(List.of("mta-sts.a.test"), 30).writePem(certs, "mta-sts.a.test");
        Path data = dir.resolve("data");
        HostedVersion v;
        try (Database db = Database.open(DatabaseLocation.sqliteUrl(data))) {
            v = HostedPolicies.host(db, "a.test", PolicyMode.TESTING, 86_400, java.time.Instant.now(), "mx1.a.test");
        }
        Path config = dir.resolve("hub.properties");
        Files.writeString(config, "http.port=0\nhttp.bind=127.0.0.1\nmta-sts.https.port=0\nmta-sts.certificates=" + certs + "\n");
        Path output = dir.resolve("output.txt");
        Process p = ChildJvm.start(output, "serve", "--config", config.toString(), "--data-dir", data.toString());
        Pattern announced = Pattern.compile("MTA-STS policies at https://127\\.0\\.0\\.1:(\\d+)/\\.well-known/mta-sts\\.txt for mta-sts\\.a\\.test");
        try {
            Await.until(() -> announced.matcher(Files.readString(output)).find() || !p.isAlive());
            Matcher m = announced.matcher(Files.readString(output));
            assertThat(m.find()).as("serve announced the policy listener:\n" + Files.readString(output)).isTrue();
            String port = m.group(1);
            String body = Curl.run(List.of("curl", "-sS", "--fail", "--cacert", caPem.toString(), "--resolve", "mta-sts.a.test:" + port + ":127.0.0.1",
                    "https://mta-sts.a.test:" + port + PolicyFileRoutes.PATH));
            assertThat(body).isEqualTo(v.text());
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        }
        assertThat(Files.readString(output)).contains("event=started component=mta-sts").contains("event=stopped");
    }
}
