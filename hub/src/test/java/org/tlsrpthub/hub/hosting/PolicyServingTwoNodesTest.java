package org.tlsrpthub.hub.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsrpthub.hub.testsupport.RawHttp.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.core.mtasts.PolicyMode;
import org.tlsrpthub.hub.config.Settings;
import org.tlsrpthub.hub.serve.Hub;
import org.tlsrpthub.hub.store.Database;
import org.tlsrpthub.hub.testsupport.PostgresServer;
import org.tlsrpthub.hub.testsupport.RawHttp;

/** Two hub nodes on one PostgreSQL database: a new version is what both serve at their next request. */
class PolicyServingTwoNodesTest {
    @Test
    void aChangeIsServedAtOnceByEveryNode() throws Exception {
        String url = PostgresServer.freshDatabaseUrl();
        Settings settings = Settings.of(Map.of("http.bind", "127.0.0.1", "http.port", "0"));
        try (Database db1 = Database.open(url); Database db2 = Database.open(url);
                Hub one = new Hub(settings, db1, Clock.systemUTC(), s -> List.of()).start();
                Hub two = new Hub(settings, db2, Clock.systemUTC(), s -> List.of()).start()) {
            List<Integer> ports = List.of(one.http().baseUrl().getPort(), two.http().baseUrl().getPort());
            for (int port : ports) assertThat(get(port).status()).isEqualTo(404);

            HostedVersion first = HostedPolicies.host(db1, "a.test", PolicyMode.TESTING, 86_400, Instant.now(), "mx1.a.test");
            for (int port : ports) assertThat(get(port).body()).isEqualTo(first.text());

            HostedVersion second = HostedPolicies.host(db2, "a.test", PolicyMode.ENFORCE, 604_800, Instant.now(), "mx1.a.test");
            for (int port : ports) assertThat(get(port).body()).isEqualTo(second.text());
        }
    }

    private static RawHttp.Response get(int port) throws Exception {
        return RawHttp.plain(port, request("GET", PolicyFileRoutes.PATH, "mta-sts.a.test"));
    }
}
