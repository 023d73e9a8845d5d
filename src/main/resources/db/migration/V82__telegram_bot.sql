-- The Telegram bot's memory across restarts: where getUpdates resumes, and which chat asked for which download.
CREATE TABLE telegram_bot_state (
    name TEXT PRIMARY KEY,                -- "offset": the next update_id to ask for
    value TEXT NOT NULL
);

CREATE TABLE telegram_bot_tasks (
    task_id TEXT PRIMARY KEY,             -- Hearth's task id, <client>:<hash or gid>
    chat_id TEXT NOT NULL,                -- where the completion message goes
    added_at BIGINT NOT NULL,             -- epoch milliseconds
    announced_at BIGINT                   -- set once, before the completion message is sent
);
