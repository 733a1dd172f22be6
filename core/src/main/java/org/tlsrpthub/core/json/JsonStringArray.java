package org.tlsrpthub.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a string that itself holds a JSON array of strings, as Microsoft writes TLSA policy-strings. */
final class JsonStringArray {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonStringArray() {}

    /** The strings, or null when the text is not exactly a JSON array of strings. */
    static List<String> tryParse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_ARRAY) return null;
            List<String> list = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) list.add(p.getText());
            if (t != JsonToken.END_ARRAY || p.nextToken() != null) return null;
            return list;
        } catch (IOException e) {
            return null;
        }
    }
}
