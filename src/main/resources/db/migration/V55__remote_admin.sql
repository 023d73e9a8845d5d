-- Remote administration: asynchronous jobs (kept across restarts: one left running by a stop reads
-- 'interrupted') and the console's history, both deleted after remote_admin.history_retention.
CREATE TABLE admin_jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,                   -- python or shell
    input TEXT NOT NULL,                  -- the code or command, cut at 4000 characters
    status TEXT NOT NULL,                 -- queued, running, done, failed, timeout, cancelled, interrupted
    actor TEXT NOT NULL,
    result TEXT NOT NULL,
    error TEXT NOT NULL,
    exit_code INTEGER,
    truncated INTEGER NOT NULL,
    timeout_ms BIGINT NOT NULL,
    pid BIGINT,                           -- the session leader, to kill what a crash left behind
    pid_start BIGINT,                     -- its start time in clock ticks (/proc/<pid>/stat), so a reused pid is left alone
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT
);
CREATE INDEX admin_jobs_created ON admin_jobs (created_at);
CREATE INDEX admin_jobs_status ON admin_jobs (status);

CREATE TABLE admin_history (
    id ${id},
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,                   -- shell, python, install, upload, download, list, job, ...
    actor TEXT NOT NULL,
    door TEXT NOT NULL,
    input TEXT NOT NULL,
    success INTEGER NOT NULL,
    summary TEXT NOT NULL,
    duration_ms BIGINT NOT NULL
);
CREATE INDEX admin_history_at ON admin_history (at);
