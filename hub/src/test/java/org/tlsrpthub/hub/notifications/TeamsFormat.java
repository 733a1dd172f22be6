package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The documented Teams incoming-webhook message carrying an Adaptive Card (learn.microsoft.com,
 * "Send Adaptive Cards using an Incoming Webhook"; card schema at adaptivecards.io): one attachment
 * of content type application/vnd.microsoft.card.adaptive whose content is the card.
 */
final class TeamsFormat {
    private TeamsFormat() {}

    static void assertAdaptiveCardMessage(JsonNode m) {
        assertThat(m.path("type").asText()).isEqualTo("message");
        assertThat(m.path("attachments").size()).isEqualTo(1);
        JsonNode a = m.path("attachments").get(0);
        assertThat(a.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(a.has("contentUrl") && a.path("contentUrl").isNull()).as("contentUrl: null").isTrue();
        JsonNode card = a.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.path("version").asText()).as("a version Teams renders").isIn("1.0", "1.1", "1.2", "1.3", "1.4", "1.5");
        assertThat(card.path("body").isArray() && !card.path("body").isEmpty()).isTrue();
        for (JsonNode e : card.path("body")) {
            switch (e.path("type").asText()) {
                case "TextBlock" -> assertThat(e.path("text").isTextual() && !e.path("text").asText().isBlank()).as("TextBlock text").isTrue();
                case "FactSet" -> e.path("facts").forEach(f -> {
                    assertThat(f.path("title").isTextual()).as("fact title").isTrue();
                    assertThat(f.path("value").isTextual()).as("fact value is a string").isTrue();
                });
                default -> throw new AssertionError("an element type this payload does not use: " + e);
            }
        }
        for (JsonNode action : card.path("actions")) {
            assertThat(action.path("type").asText()).isIn(Set.of("Action.OpenUrl"));
            assertThat(action.path("url").asText()).startsWith("https://");
        }
    }
}
