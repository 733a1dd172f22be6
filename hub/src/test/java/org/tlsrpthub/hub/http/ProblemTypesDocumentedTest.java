package org.tlsrpthub.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem {@code type} the code can answer with points at an anchor that exists in docs/receiving.md. */
class ProblemTypesDocumentedTest {
    private static final Pattern KIND = Pattern.compile("Problem\\.of\\([^,()]+(?:\\(\\))?\\s*,\\s*\"([a-z-]+)\"");

    @Test
    void everyKindInTheCodeHasAnAnchorInTheDocs() throws Exception {
        TreeSet<String> kinds = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KIND.matcher(Files.readString(f));
                while (m.find()) kinds.add(m.group(1));
            }
        }
        assertThat(kinds).as("the scan finds the kinds").contains("bad-json", "storage-unavailable", "method-not-allowed", "busy", "domain-not-served");
        String docs = Files.readString(Path.of("..", "docs", "receiving.md"));
        assertThat(kinds).allSatisfy(k -> assertThat(docs).as("anchor for #" + k).contains("<a id=\"" + k + "\"></a>"));
        assertThat(Problem.of(400, "bad-json", "t", "d").type()).endsWith("docs/receiving.md#bad-json");
    }
}
