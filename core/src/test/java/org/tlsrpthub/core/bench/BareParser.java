package org.tlsrpthub.core.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The ceiling the real parser is measured against: gunzip with a reused {@link Inflater} (no header
 * flags, no CRC check, no bound) and a Jackson streaming parse into plain records, with no validation,
 * no warnings, no date parsing and no location tracking. Not for use outside the benchmark.
 */
final class BareParser {
    record Report(String org, String start, String end, String contact, String id, List<PolicyResult> policies) {}

    record PolicyResult(String type, List<String> strings, String domain, List<String> mxHosts,
                        long successes, long failures, List<Detail> details) {}

    record Detail(String type, String sendingIp, String mxHostname, String helo, String receivingIp,
                  long count, String info, String reason) {}

    private final JsonFactory factory = new JsonFactory();
    private final Inflater inflater = new Inflater(true);

    Report read(byte[] gz) throws IOException, DataFormatException {
        int n = gz.length;
        int size = (gz[n - 4] & 0xff) | (gz[n - 3] & 0xff) << 8 | (gz[n - 2] & 0xff) << 16 | (gz[n - 1] & 0xff) << 24;
        byte[] out = new byte[size];
        inflater.reset();
        inflater.setInput(gz, 10, n - 18); // GZIPOutputStream writes a 10-byte header without flags
        int len = 0;
        while (len < size && !inflater.finished()) len += inflater.inflate(out, len, size - len);
        try (JsonParser p = factory.createParser(out, 0, len)) {
            p.nextToken();
            return report(p);
        }
    }

    private static Report report(JsonParser p) throws IOException {
        String org = null, start = null, end = null, contact = null, id = null;
        List<PolicyResult> policies = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "organization-name" -> org = p.getText();
                case "contact-info" -> contact = p.getText();
                case "report-id" -> id = p.getText();
                case "date-range" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("start-datetime")) start = p.getText();
                        else if (f.equals("end-datetime")) end = p.getText();
                    }
                }
                case "policies" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) policies.add(policyResult(p));
                }
                default -> p.skipChildren();
            }
        }
        return new Report(org, start, end, contact, id, policies);
    }

    private static PolicyResult policyResult(JsonParser p) throws IOException {
        String type = null, domain = null;
        List<String> strings = List.of(), mx = List.of();
        long ok = 0, failed = 0;
        List<Detail> details = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "policy" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        switch (f) {
                            case "policy-type" -> type = p.getText();
                            case "policy-domain" -> domain = p.getText();
                            case "policy-string" -> strings = strings(p);
                            case "mx-host" -> mx = strings(p);
                            default -> p.skipChildren();
                        }
                    }
                }
                case "summary" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("total-successful-session-count")) ok = p.getLongValue();
                        else if (f.equals("total-failure-session-count")) failed = p.getLongValue();
                    }
                }
                case "failure-details" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) details.add(detail(p));
                }
                default -> p.skipChildren();
            }
        }
        return new PolicyResult(type, strings, domain, mx, ok, failed, details);
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> list = new ArrayList<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) list.add(p.getText());
        return list;
    }

    private static Detail detail(JsonParser p) throws IOException {
        String type = null, sip = null, host = null, helo = null, rip = null, info = null, reason = null;
        long count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "result-type" -> type = p.getText();
                case "sending-mta-ip" -> sip = p.getText();
                case "receiving-mx-hostname" -> host = p.getText();
                case "receiving-mx-helo" -> helo = p.getText();
                case "receiving-ip" -> rip = p.getText();
                case "failed-session-count" -> count = p.getLongValue();
                case "additional-information" -> info = p.getText();
                case "failure-reason-code" -> reason = p.getText();
                default -> p.skipChildren();
            }
        }
        return new Detail(type, sip, host, helo, rip, count, info, reason);
    }
}
