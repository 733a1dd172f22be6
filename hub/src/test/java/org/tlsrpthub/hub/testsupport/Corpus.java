package org.tlsrpthub.hub.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/**
 * The shared corpus of real reports: system property {@code tlsrpt.corpus} (set by surefire),
 * else env {@code TLSRPT_CORPUS}, else {@code ../shared/corpus}. A missing corpus fails the test:
 * tests that claim to cover real reports must not pass vacuously.
 */
public final class Corpus {
    private Corpus() {}

    public static Path dir() {
        String p = System.getProperty("tlsrpt.corpus");
        if (p == null || p.isBlank()) p = System.getenv("TLSRPT_CORPUS");
        Path dir = p == null || p.isBlank() ? Path.of("..", "shared", "corpus") : Path.of(p);
        if (!Files.isDirectory(dir.resolve("reports"))) {
            Assertions.fail("the shared corpus is missing: no directory " + dir.toAbsolutePath().normalize().resolve("reports")
                    + " (set -Dtlsrpt.corpus or TLSRPT_CORPUS)");
        }
        return dir;
    }

    public static Path reports() {
        return dir().resolve("reports");
    }
}
