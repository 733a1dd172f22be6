package org.tlsrpthub.hub.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body each kind of webhook expects. Slack: an incoming webhook's {@code text} (the
 * notification fallback) and Block Kit {@code blocks}; Teams: an incoming webhook's message with one
 * Adaptive Card attachment. Both formats are cited in docs/alerts-delivery.md.
 */
enum WebhookFormat {
    GENERIC {
        @Override
        Object body(Message m) {
            Map<String, Object> incident = new LinkedHashMap<>();
            incident.put("id", m.transition().incidentId());
            incident.put("org", m.transition().org());
            incident.put("domain", m.transition().domain());
            incident.put("rule", m.transition().rule());
            incident.put("subject", m.transition().subject());
            incident.put("severity", m.transition().severity());
            incident.put("at", m.transition().at().toString());
            incident.put("summary", m.transition().summary());
            incident.put("evidence", m.evidence());
            incident.put("link", m.link());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("delivery", m.id());
            body.put("kind", m.kind());
            body.put("incident", incident);
            return body;
        }
    },
    SLACK {
        @Override
        Object body(Message m) {
            List<Object> blocks = new ArrayList<>();
            blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(m.title(), 150))));
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(escape(m.summary()), 3000))));
            List<Object> fields = new ArrayList<>();
            fields.add(Map.of("type", "mrkdwn", "text", "*Domain*\n" + escape(m.transition().domain())));
            fields.add(Map.of("type", "mrkdwn", "text", "*Severity*\n" + escape(m.transition().severity())));
            m.evidence().entrySet().stream().limit(8).forEach(e ->
                    fields.add(Map.of("type", "mrkdwn", "text", "*" + escape(e.getKey()) + "*\n" + cut(escape(String.valueOf(e.getValue())), 500))));
            blocks.add(Map.of("type", "section", "fields", fields));
            if (!m.link().isEmpty()) {
                blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn", "text", "<" + m.link() + "|Open the incident>"))));
            }
            return Map.of("text", escape(m.title() + ": " + m.summary()), "blocks", blocks);
        }
    },
    TEAMS {
        @Override
        Object body(Message m) {
            List<Object> facts = new ArrayList<>();
            facts.add(Map.of("title", "Domain", "value", m.transition().domain()));
            facts.add(Map.of("title", "Severity", "value", m.transition().severity()));
            m.evidence().forEach((k, v) -> facts.add(Map.of("title", k, "value", String.valueOf(v))));
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            card.put("type", "AdaptiveCard");
            card.put("version", "1.4");
            card.put("body", List.of(
                    Map.of("type", "TextBlock", "text", m.title(), "weight", "Bolder", "size", "Medium", "wrap", true),
                    Map.of("type", "TextBlock", "text", m.summary(), "wrap", true),
                    Map.of("type", "FactSet", "facts", facts)));
            if (!m.link().isEmpty()) card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open the incident", "url", m.link())));
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
            attachment.put("contentUrl", null);
            attachment.put("content", card);
            return Map.of("type", "message", "attachments", List.of(attachment));
        }
    };

    abstract Object body(Message m);

    // Slack reads &, < and > as markup (<!channel> would ping everyone); its docs ask for these three escapes.
    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
