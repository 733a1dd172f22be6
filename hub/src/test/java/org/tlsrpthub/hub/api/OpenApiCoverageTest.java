package org.tlsrpthub.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every route ApiRoutes registers under /api is in the OpenAPI document with its method, and nothing more. */
class OpenApiCoverageTest {
    @Test
    void everyRegisteredRouteIsDescribed() throws Exception {
        List<String> registered = new ArrayList<>();
        Javalin app = Javalin.create(cfg -> cfg.events(e -> e.handlerAdded(h -> {
            if (h.getPath().startsWith("/api/") && !h.getPath().endsWith("*")) {
                registered.add(h.getHttpMethod().name().toLowerCase(Locale.ROOT) + " " + h.getPath());
            }
        })));
        // the services are not called while registering
        ApiRoutes.register(app, new ApiServices(null, null, null, null, null, null, null, null, null, null, null, Clock.systemUTC(), null, null, null, null));

        JsonNode doc = new ObjectMapper().readTree(ApiRoutes.openApi());
        List<String> described = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> described.add(m + " " + p.getKey())));

        assertThat(registered).hasSizeGreaterThan(10);
        assertThat(described).containsExactlyInAnyOrderElementsOf(registered);
    }
}
