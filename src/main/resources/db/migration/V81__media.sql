-- Media (issue 12): what media.download sent to a download client (so the "ready to watch" notification names
-- the title asked for, not the release), and what the completion pipeline did for each finished task, so a
-- library is refreshed and the user told once, across restarts and re-delivered events. Times are epoch ms.
CREATE TABLE media_downloads (
    task_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    year INTEGER,
    kind TEXT NOT NULL,
    release_name TEXT NOT NULL,
    added_at BIGINT NOT NULL
);

CREATE TABLE media_completions (
    task_id TEXT PRIMARY KEY,
    refreshed TEXT NOT NULL,          -- "<server>:<library>" for each library refreshed, or "" when none was
    refreshed_at BIGINT NOT NULL,
    notified_at BIGINT
);
