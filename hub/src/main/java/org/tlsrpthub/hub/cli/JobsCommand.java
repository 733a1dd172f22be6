package org.tlsrpthub.hub.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tlsrpthub.hub.jobs.JobStatus;
import org.tlsrpthub.hub.json.Json;
import org.tlsrpthub.hub.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"The background jobs that 'serve' runs (one node at a time however many share the database):",
                "when each is due next, which node runs it now, and its latest runs. See docs/jobs.md."})
final class JobsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = StoreOptions.of(spec).open()) {
            List<JobStatus.JobView> jobs = new JobStatus(db).jobs();
            if (json) {
                out.println(Json.text(jobs));
                return 0;
            }
            if (jobs.isEmpty()) out.println("no background job has been scheduled yet ('serve' schedules them; retention needs retention.days)");
            for (JobStatus.JobView j : jobs) {
                out.printf("%s: next run %s%s%s%n", j.name(), j.nextRun(), j.runningOn() == null ? "" : ", running on " + j.runningOn(),
                        j.consecutiveFailures() == 0 ? "" : ", " + j.consecutiveFailures() + " failed runs in a row");
                for (JobStatus.Run r : j.latestRuns()) {
                    out.printf("  %s on %s: %s%s%n", r.startedAt(), r.node(), r.outcome() == null ? "running (or the node died)" : r.outcome(),
                            r.detail() == null ? "" : ", " + r.detail());
                }
            }
            return 0;
        }
    }
}
