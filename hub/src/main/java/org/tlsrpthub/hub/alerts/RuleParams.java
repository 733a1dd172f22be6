package org.tlsrpthub.hub.alerts;

import java.util.Map;

/** One rule's parameters for one domain: the defaults, the global settings and the domain's overrides, merged. */
public record RuleParams(String rule, boolean enabled, Map<String, Double> values) {
    public RuleParams {
        values = Map.copyOf(values);
    }

    public double percent(String name) {
        return value(name);
    }

    public int whole(String name) {
        return (int) value(name);
    }

    private double value(String name) {
        Double v = values.get(name);
        if (v == null) throw new IllegalArgumentException("rule " + rule + " has no parameter " + name);
        return v;
    }
}
