package org.tlsrpthub.core.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real reports (../shared/corpus, described by its MANIFEST.tsv). Where it is
 * required (CI=true, TLSRPT_CORPUS set, or -Dtlsrpt.corpus.required=true) a test that needs it FAILS
 * when it is missing: CI must not go green without having read the real reports. Elsewhere (a plain
 * clone outside this workspace) such a test is aborted with {@link #MISSING}, and
 * {@link CorpusNotRunListener} counts them into one line.
 */
public final class Corpus {
    /** How an aborted corpus test's reason starts: {@link CorpusNotRunListener} counts by it. */
    public static final String MISSING = "the shared corpus is missing";

    private Corpus() {}

    /** System property {@code tlsrpt.corpus}, else env {@code TLSRPT_CORPUS}, else {@code ../shared/corpus} from the repo root. */
    public static Path dir() {
        Path dir = location();
        if (!Files.isDirectory(dir.resolve("reports"))) {
            String why = MISSING + ": no directory " + dir.resolve("reports") + " (set -Dtlsrpt.corpus=... or TLSRPT_CORPUS)";
            if (required()) fail(why + "; it is required here (CI=true, TLSRPT_CORPUS or -Dtlsrpt.corpus.required=true)");
            Assumptions.abort(why);
        }
        return dir;
    }

    /** The corpus's reports directory, or empty when the corpus is absent and not required. */
    public static Optional<Path> reportsDirIfPresent() {
        Path reports = location().resolve("reports");
        return Files.isDirectory(reports) || required() ? Optional.of(reportsDir()) : Optional.empty();
    }

    public static Path reportsDir() {
        return dir().resolve("reports");
    }

    public static byte[] read(String name) {
        Path file = reportsDir().resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return fail("cannot read corpus file " + file + ": " + e);
        }
    }

    static Path location() {
        String configured = System.getProperty("tlsrpt.corpus");
        if (configured == null || configured.isBlank()) configured = System.getenv("TLSRPT_CORPUS");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : repoRoot().resolve("../shared/corpus");
        return dir.toAbsolutePath().normalize();
    }

    private static boolean required() {
        String env = System.getenv("TLSRPT_CORPUS");
        return "true".equalsIgnoreCase(System.getenv("CI")) || env != null && !env.isBlank()
                || Boolean.parseBoolean(System.getProperty("tlsrpt.corpus.required"));
    }

    // Tests run in the module directory (core/); the repo root is the nearest parent with mvnw.
    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.exists(q.resolve("mvnw"))) return q;
        }
        return p;
    }
}
