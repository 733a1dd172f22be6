-- Background jobs (retention now; scheduled checks, alert evaluation and the notification outbox
-- later) run once across every hub node sharing this database: db-scheduler's table, where a node
-- claims a due execution before running it (docs/jobs.md). Keep in step with ../postgresql/V50__jobs.sql.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP,
    last_failure         TIMESTAMP,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- What each run did, for 'jobs' (CLI, page, API) and to show that a round ran once: scheduled_for is
-- the execution time the run was claimed for. The newest runs per job are kept (JobRuns).
CREATE TABLE job_run (
    task          TEXT   NOT NULL,
    scheduled_for BIGINT NOT NULL,           -- epoch ms
    node          TEXT   NOT NULL,
    started_at    BIGINT NOT NULL,
    finished_at   BIGINT,                    -- null while running, or when the node died in the run
    outcome       TEXT,                      -- ok, failed
    detail        TEXT
);
CREATE INDEX job_run_task_started ON job_run (task, started_at);
