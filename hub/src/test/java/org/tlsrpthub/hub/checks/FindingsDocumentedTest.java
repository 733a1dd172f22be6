package org.tlsrpthub.hub.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every finding id the live checks can produce has an anchor in docs/checks.md (or docs/checks-mx.md, the prober's). */
class FindingsDocumentedTest {

    @Test
    void everyFindingIdIsDocumented() throws Exception {
        Pattern made = Pattern.compile("new Finding\\(\"([a-z0-9-]+)\"");
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "org", "tlsrpthub", "hub", "checks"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = made.matcher(Files.readString(f));
                while (m.find()) ids.add(m.group(1));
            }
        }
        assertThat(ids).as("the scan finds the ids").contains("tlsrpt-record-missing", "target-refused", "sts-webpki-invalid");
        String docs = Files.readString(Path.of("..", "docs", "checks.md"));
        Path mx = Path.of("..", "docs", "checks-mx.md");
        if (Files.exists(mx)) docs += Files.readString(mx);
        String all = docs;
        assertThat(ids).allSatisfy(id -> assertThat(all).as("anchor for " + id).contains("<a id=\"" + id + "\"></a>"));
    }
}
