package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import org.junit.jupiter.api.Test;

class AccessFilterTest {
    private final RouteRules rules = RouteRules.hub("/tlsrpt");

    @Test
    void onlyTheReportEndpointHealthSignInSingleSignOnSetupPolicyFileAndStaticFilesAreOpen() {
        String[][] open = {{"POST", "/tlsrpt"}, {"GET", "/tlsrpt"}, {"GET", "/healthz"}, {"GET", "/readyz"}, {"GET", "/login"},
                {"POST", "/login"}, {"GET", "/setup"}, {"POST", "/setup"}, {"GET", "/oidc/sign-in"}, {"GET", "/oidc/callback"}, {"GET", "*"},
                // senders fetch the hosted MTA-STS policy without signing in; Caddy asks before an on-demand certificate
                {"GET", "/.well-known/mta-sts.txt"}, {"HEAD", "/.well-known/mta-sts.txt"}, {"GET", "/mta-sts/ask"}};
        for (String[] r : open) {
            assertThat(rules.need(HandlerType.valueOf(r[0]), r[1])).as(r[0] + " " + r[1]).contains(RouteRules.Need.OPEN);
        }
        long openRules = rules.all().values().stream().filter(n -> n == RouteRules.Need.OPEN).count();
        assertThat(openRules).as("nothing else is open").isEqualTo(open.length + 3 + 4); // PUT, PATCH, DELETE /tlsrpt and POST, PUT, PATCH, DELETE on the policy file answer 405
        assertThat(rules.need(HandlerType.HEAD, "/healthz")).as("HEAD as GET").contains(RouteRules.Need.OPEN);
        assertThat(rules.need(HandlerType.GET, "/no/such/route")).isEmpty();
        assertThat(rules.need(HandlerType.POST, "/")).as("a method without a rule").isEmpty();
    }
}
