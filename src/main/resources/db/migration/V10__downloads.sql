-- The downloads feature's task store: one row per task a client reports or Hearth added, kept after the
-- client forgets it, so history and per-user figures survive. Times are epoch milliseconds.
CREATE TABLE download_tasks (
    id TEXT PRIMARY KEY,                  -- Hearth's task id: "<service>:<client's own id>", stable across polls and restarts
    client TEXT NOT NULL,                 -- the service name of the client
    client_task_id TEXT NOT NULL,         -- info-hash (lower-case hex) or aria2 gid
    name TEXT NOT NULL,
    type TEXT NOT NULL,                   -- torrent | direct
    status TEXT NOT NULL,                 -- queued, metadata, checking, downloading, paused, seeding, completed, failed
    progress DOUBLE PRECISION NOT NULL DEFAULT 0,
    size BIGINT NOT NULL DEFAULT 0,
    downloaded BIGINT NOT NULL DEFAULT 0,
    download_speed BIGINT NOT NULL DEFAULT 0,
    upload_speed BIGINT NOT NULL DEFAULT 0,
    eta BIGINT NOT NULL DEFAULT -1,
    ratio DOUBLE PRECISION NOT NULL DEFAULT 0,
    seeds INTEGER NOT NULL DEFAULT 0,
    peers INTEGER NOT NULL DEFAULT 0,
    save_path TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',      -- what was added: the URL, or "upload:<file name>"; empty for external tasks
    added_by TEXT NOT NULL,               -- Caller.label() of who added it, or "external"
    start_time BIGINT NOT NULL,
    completed_at BIGINT,
    completed_event_at BIGINT,            -- set once, in the transaction that publishes DownloadCompleted
    library_path TEXT,                    -- where the completion listener put the files
    error TEXT,
    last_seen_at BIGINT,                  -- the last poll that listed it
    removed_at BIGINT,                    -- hidden from lists: removed through Hearth, or gone from the client unfinished
    removal TEXT,                         -- user | gone
    updated_at BIGINT NOT NULL,
    UNIQUE (client, client_task_id)
);
CREATE INDEX download_tasks_start ON download_tasks (start_time);
CREATE INDEX download_tasks_added_by ON download_tasks (added_by);
