package org.tlsrpthub.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tlsrpthub.hub.alerts.OpenIncidents;

/** The overview's "Needs attention" order (issue 12 §5): most critical first, then most open, then by name; hub incidents apart. */
class NeedsAttentionTest {
    @Test
    void theMostCriticalDomainsComeFirstThenTheBusiestThenByName() {
        Map<String, OpenIncidents> open = Map.of(
                "warned.test", new OpenIncidents(5, 0),
                "b-critical.test", new OpenIncidents(1, 1),
                "a-critical.test", new OpenIncidents(1, 1),
                "very-critical.test", new OpenIncidents(2, 2),
                "busy-critical.test", new OpenIncidents(4, 1),
                "", new OpenIncidents(3, 3)); // the hub's own (intake): not a domain
        assertThat(OverviewPages.attention(open)).extracting(Map.Entry::getKey)
                .containsExactly("very-critical.test", "busy-critical.test", "a-critical.test", "b-critical.test", "warned.test");
    }
}
