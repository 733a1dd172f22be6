package org.tlsrpthub.hub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Slack's documented incoming-webhook message (api.slack.com/messaging/webhooks) with Block Kit blocks
 * (api.slack.com/reference/block-kit/blocks): the limits Slack enforces, so a payload that breaks one
 * would be refused by Slack too.
 */
final class SlackFormat {
    private SlackFormat() {}

    static void assertIncomingWebhookMessage(JsonNode m) {
        assertThat(m.isObject()).isTrue();
        assertThat(iterable(m.fieldNames())).as("top-level fields").isSubsetOf(Set.of("text", "blocks"));
        assertThat(m.path("text").isTextual() && !m.path("text").asText().isBlank()).as("text: the notification fallback").isTrue();
        JsonNode blocks = m.path("blocks");
        assertThat(blocks.isArray() && !blocks.isEmpty() && blocks.size() <= 50).as("1 to 50 blocks").isTrue();
        for (JsonNode b : blocks) {
            switch (b.path("type").asText()) {
                case "header" -> textObject(b.path("text"), Set.of("plain_text"), 150);
                case "section" -> {
                    assertThat(b.has("text") || b.has("fields")).as("a section has text or fields").isTrue();
                    if (b.has("text")) textObject(b.path("text"), Set.of("plain_text", "mrkdwn"), 3000);
                    if (b.has("fields")) {
                        assertThat(b.path("fields").size()).as("at most 10 fields").isBetween(1, 10);
                        b.path("fields").forEach(f -> textObject(f, Set.of("plain_text", "mrkdwn"), 2000));
                    }
                }
                case "context" -> {
                    assertThat(b.path("elements").size()).as("1 to 10 context elements").isBetween(1, 10);
                    b.path("elements").forEach(e -> textObject(e, Set.of("plain_text", "mrkdwn"), 3000));
                }
                default -> throw new AssertionError("a block type this payload does not use: " + b);
            }
        }
    }

    private static void textObject(JsonNode t, Set<String> types, int maxLength) {
        assertThat(t.path("type").asText()).as("text object type").isIn(types);
        assertThat(t.path("text").isTextual()).as("text object text").isTrue();
        assertThat(t.path("text").asText().length()).as("text length").isBetween(1, maxLength);
    }

    static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        java.util.List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
