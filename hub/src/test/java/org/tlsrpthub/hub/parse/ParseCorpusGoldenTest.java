package org.tlsrpthub.hub.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsrpthub.core.testsupport.Corpus;
import org.tlsrpthub.hub.cli.CliRun;

/**
 * Every file of the shared corpus goes through {@code tlsrpt-hub parse --json}, and the output must
 * equal the golden file kept beside the tests under the same name (each checked by hand against the
 * MANIFEST before it was frozen). {@code -Dgolden.update=true} rewrites the golden files.
 */
class ParseCorpusGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<String> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.reportsDir())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void parsesLikeItsGoldenFile(String name) throws IOException {
        CliRun run = CliRun.run("parse", "--json", Corpus.reportsDir().resolve(name).toString());
        assertThat(run.err()).isEmpty();
        ObjectNode outcome = (ObjectNode) JSON.readTree(run.out());
        outcome.put("source", name); // the path differs between machines; the name does not
        assertThat(outcome.get("ok").asBoolean()).as("every real report must parse: " + run.out()).isTrue();
        assertThat(run.exitCode()).isZero();

        String actual = JSON.writeValueAsString(outcome) + "\n";
        Path golden = GOLDEN.resolve(name + ".golden.json");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file for " + name + " (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void everyGoldenFileHasItsCorpusFile() throws IOException {
        var names = corpusFiles().toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(p -> p.getFileName().toString().replace(".golden.json", "")))
                    .allMatch(names::contains);
        }
    }
}
