package org.tlsrpthub.hub.jobs;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.tlsrpthub.hub.store.Database;

/** What the background jobs are doing: each job's next run and its latest runs (CLI, page, API). */
public final class JobStatus {
    public static final int RUNS_SHOWN = 10;

    private final Database db;

    public JobStatus(Database db) {
        this.db = db;
    }

    /**
     * @param nextRun             when the job is due next (already passed while it runs)
     * @param runningOn           the node running it now, or null
     * @param consecutiveFailures failed runs since the last good one
     */
    public record JobView(String name, Instant nextRun, String runningOn, int consecutiveFailures, List<Run> latestRuns) {}

    public record Run(Instant scheduledFor, String node, Instant startedAt, Instant finishedAt, String outcome, String detail) {}

    /** Every job some node of this database has scheduled, by name. */
    public List<JobView> jobs() throws SQLException {
        return db.withConnection(c -> {
            Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            List<JobView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(JobSql.SCHEDULED); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp next = rs.getTimestamp(2, utc);
                    out.add(new JobView(rs.getString(1), next == null ? null : next.toInstant(), rs.getBoolean(3) ? rs.getString(4) : null,
                            rs.getInt(5), List.of()));
                }
            }
            List<JobView> withRuns = new ArrayList<>();
            for (JobView j : out) {
                List<Run> runs = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(JobSql.RUNS)) {
                    ps.setString(1, j.name());
                    ps.setInt(2, RUNS_SHOWN);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long finished = rs.getLong(5);
                            Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                            runs.add(new Run(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                                    finishedAt, rs.getString(6), rs.getString(7)));
                        }
                    }
                }
                withRuns.add(new JobView(j.name(), j.nextRun(), j.runningOn(), j.consecutiveFailures(), runs));
            }
            return withRuns;
        });
    }
}
