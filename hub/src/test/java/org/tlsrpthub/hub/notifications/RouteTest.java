package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A route passes on transitions at its min-severity or above: info (readiness-ready) below warning below critical. */
class RouteTest {
    private static Route route(String min) {
        return new Route("r", Set.of(), min, List.of("mail"));
    }

    @Test
    void minSeverityOrders() {
        assertThat(List.of("info", "warning", "critical")).allMatch(route("info")::admits);
        assertThat(route("warning").admits("info")).isFalse();
        assertThat(route("warning").admits("warning")).isTrue();
        assertThat(route("warning").admits("critical")).isTrue();
        assertThat(route("critical").admits("warning")).isFalse();
        assertThat(route("critical").admits("critical")).isTrue();
    }
}
