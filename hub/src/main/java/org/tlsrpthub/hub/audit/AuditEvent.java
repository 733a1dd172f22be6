package org.tlsrpthub.hub.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One action to record: who (with where from), what, on what, and the state before and after.
 * Built as {@code AuditEvent.of(actor, action).target("bob").after(Map.of("role", "viewer"))}; the
 * organisation is the actor's unless {@link #org} says otherwise.
 *
 * @param before what the target was (any value the hub renders as JSON); null when not applicable
 * @param after  what it became; null when not applicable
 */
public record AuditEvent(Actor actor, AuditAction action, String org, String target, Object before, Object after, String detail) {
    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }

    /** A before or after state: keys and values in turn, kept in this order (values may be null). */
    public static Map<String, Object> state(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("a state takes keys and values in pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    public static AuditEvent of(Actor actor, AuditAction action) {
        return new AuditEvent(actor, action, actor.org(), null, null, null, null);
    }

    /** The organisation the action concerns; null for a hub-wide action (users, served domains, settings). */
    public AuditEvent org(String slug) {
        return new AuditEvent(actor, action, slug, target, before, after, detail);
    }

    public AuditEvent target(String what) {
        return new AuditEvent(actor, action, org, what, before, after, detail);
    }

    public AuditEvent before(Object state) {
        return new AuditEvent(actor, action, org, target, state, after, detail);
    }

    public AuditEvent after(Object state) {
        return new AuditEvent(actor, action, org, target, before, state, detail);
    }

    public AuditEvent detail(String text) {
        return new AuditEvent(actor, action, org, target, before, after, text);
    }
}
