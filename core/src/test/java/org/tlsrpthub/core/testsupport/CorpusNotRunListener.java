package org.tlsrpthub.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the tests that did not run because the shared corpus is absent (see {@link Corpus}) and
 * writes the count with its reason to target/corpus-not-run/PID.txt, where bin/test sums the
 * modules' files into one line. Registered through META-INF/services, so every test JVM of core
 * and hub (which has core's test jar) reports.
 */
public final class CorpusNotRunListener implements TestExecutionListener {
    static final Path DIR = Path.of("target", "corpus-not-run");

    private TestPlan plan;
    private long notRun;
    private String reason;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
        String message = result.getThrowable().map(Throwable::getMessage).orElse("");
        if (message == null || !message.contains(Corpus.MISSING)) return;
        // An aborted class or parameterized test did not run any of its tests.
        long tests = id.isTest() ? 1 : plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
        notRun += Math.max(1, tests);
        reason = message.substring(message.indexOf(Corpus.MISSING));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (notRun == 0) return;
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(ProcessHandle.current().pid() + ".txt"), notRun + "\t" + reason + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the corpus tests that did not run in " + DIR, e);
        }
    }
}
