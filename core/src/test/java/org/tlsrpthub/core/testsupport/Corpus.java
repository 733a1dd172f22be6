package org.tlsrpthub.core.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpus of real reports (../shared/corpus, described by its MANIFEST.tsv). Tests that need
 * it FAIL when it is missing, never skip: CI must not go green without having read the real reports.
 */
public final class Corpus {
    private Corpus() {}

    /** System property {@code tlsrpt.corpus}, else env {@code TLSRPT_CORPUS}, else {@code ../shared/corpus} from the repo root. */
    public static Path dir() {
        String configured = System.getProperty("tlsrpt.corpus");
        if (configured == null || configured.isBlank()) configured = System.getenv("TLSRPT_CORPUS");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : repoRoot().resolve("../shared/corpus");
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("reports"))) {
            fail("the shared corpus is missing: no directory " + dir.resolve("reports")
                    + " (set -Dtlsrpt.corpus=... or TLSRPT_CORPUS)");
        }
        return dir;
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

    // Tests run in the module directory (core/); the repo root is the nearest parent with mvnw.
    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.exists(q.resolve("mvnw"))) return q;
        }
        return p;
    }
}
