-- Auto-delete after seeding (issue 15): Hearth's own rule per task, kept here because no daemon removes a task
-- by a per-task ratio or seeding time (qBittorrent's remove action is one global setting; Deluge, Transmission
-- and aria2 only stop seeding). The sweep removes a task through the action catalog once either limit is met.
CREATE TABLE download_seed_rules (
    task_id TEXT PRIMARY KEY,             -- Hearth's task id, "<service>:<client's own id>"
    ratio_limit DOUBLE PRECISION,         -- remove at this share ratio; NULL: no ratio limit
    seed_minutes BIGINT,                  -- remove after seeding this long (from completion); NULL: no time limit
    delete_data BOOLEAN NOT NULL,         -- remove the downloaded files too
    set_by TEXT NOT NULL,                 -- Caller.label() of who set the rule
    set_at BIGINT NOT NULL,               -- epoch milliseconds
    fired_at BIGINT                       -- when the sweep removed the task; set once
);
