package org.tlsrpthub.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessFilterTest {
    private final AccessFilter filter = new AccessFilter(null, "/tlsrpt");

    @Test
    void onlyTheReportEndpointHealthSignInSetupAndAssetsAreOpen() {
        for (String open : new String[] {"/tlsrpt", "/tlsrpt/", "/healthz", "/readyz", "/login", "/setup", "/static/hub.css",
                "/webjars/chart.js/4.5.1/dist/chart.umd.min.js"}) {
            assertThat(filter.isOpen(open)).as(open).isTrue();
        }
        for (String closed : new String[] {"/", "/tlsrptx", "/tlsrpt/x", "/api/v1/overview", "/api/v1/overview/", "/api/openapi.json",
                "/metrics", "/staticx", "/reports", "/tokens", "/parse", "/quarantine/1/reprocess", "/login/x"}) {
            assertThat(filter.isOpen(closed)).as(closed).isFalse();
        }
    }
}
