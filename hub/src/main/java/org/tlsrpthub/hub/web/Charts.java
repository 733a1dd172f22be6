package org.tlsrpthub.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tlsrpthub.hub.analysis.DailyCount;

/**
 * Chart.js specifications as JSON for a canvas's {@code data-chart} attribute (drawn by
 * /static/charts.js). Built here, not in templates, so that templates stay free of logic.
 */
public final class Charts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = "#1a7f37";
    private static final String BAD = "#c62828";
    private static final String LINE = "#1f5fbf";

    private Charts() {}

    /** Daily successful (green) and failed (red) sessions, stacked. */
    public static String sessions(List<DailyCount> days) {
        Map<String, Object> spec = base("bar", labels(days));
        spec.put("datasets", List.of(
                dataset("Successful sessions", days.stream().map(DailyCount::successfulSessions).toList(), OK),
                dataset("Failed sessions", days.stream().map(DailyCount::failedSessions).toList(), BAD)));
        spec.put("scales", Map.of("x", Map.of("stacked", true), "y", Map.of("stacked", true, "beginAtZero", true)));
        return write(spec);
    }

    /** The daily failure rate in percent. */
    public static String failureRate(List<DailyCount> days) {
        Map<String, Object> spec = base("line", labels(days));
        spec.put("datasets", List.of(dataset("Failure rate (%)", percents(days), LINE)));
        spec.put("scales", Map.of("y", Map.of("beginAtZero", true)));
        return write(spec);
    }

    /** A tiny line of the daily failure rate for the overview; the row's numbers are its text equivalent. */
    public static String sparkline(List<DailyCount> days) {
        Map<String, Object> spec = base("line", labels(days));
        spec.put("sparkline", true);
        Map<String, Object> ds = dataset("Failure rate (%)", percents(days), BAD);
        ds.put("fill", false);
        ds.put("borderWidth", 1.5);
        spec.put("datasets", List.of(ds));
        return write(spec);
    }

    private static List<Double> percents(List<DailyCount> days) {
        List<Double> out = new ArrayList<>(days.size());
        // a day without sessions (e.g. today, whose reports arrive tomorrow) is a gap, not a 0 % rate
        for (DailyCount d : days) {
            out.add(d.successfulSessions() + d.failedSessions() == 0 ? null : Math.round(d.failureRate() * 10000) / 100.0);
        }
        return out;
    }

    private static List<String> labels(List<DailyCount> days) {
        return days.stream().map(d -> d.day().toString()).toList();
    }

    private static Map<String, Object> base(String type, List<String> labels) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("labels", labels);
        return spec;
    }

    private static Map<String, Object> dataset(String label, List<? extends Number> data, String colour) {
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("label", label);
        ds.put("data", data);
        ds.put("backgroundColor", colour);
        ds.put("borderColor", colour);
        return ds;
    }

    private static String write(Map<String, Object> spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
