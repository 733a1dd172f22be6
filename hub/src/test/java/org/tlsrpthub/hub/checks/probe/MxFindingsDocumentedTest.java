package org.tlsrpthub.hub.checks.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every finding id the MX prober can make has its own section in docs/checks-mx.md. */
class MxFindingsDocumentedTest {
    @Test
    void everyIdHasAnAnchor() throws Exception {
        String source = Files.readString(Path.of("src/main/java/org/tlsrpthub/hub/checks/probe/MxFindings.java"));
        String docs = Files.readString(Path.of("..", "docs", "checks-mx.md"));
        Matcher m = Pattern.compile("new Finding\\(\"([a-z0-9-]+)\"").matcher(source);
        List<String> ids = m.results().map(r -> r.group(1)).toList();
        assertThat(ids).hasSizeGreaterThan(15);
        for (String id : ids) assertThat(docs).as("docs/checks-mx.md section for " + id).contains("\n### " + id + "\n");
    }
}
