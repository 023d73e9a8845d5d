-- Backups: one row per archive Hearth made (or found in its backup directory). The archive itself is the
-- truth (its manifest says what it holds); this list is what the API and the dashboard show, and what the
-- retention rules walk. Times are epoch milliseconds; flags are 0/1 on both databases.
CREATE TABLE backups (
    id ${id},
    name TEXT NOT NULL,
    file_name TEXT NOT NULL UNIQUE,       -- <name>_<yyyyMMdd_HHmmss>.tar.gz, + .enc when encrypted
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,                   -- manual | scheduled
    status TEXT NOT NULL,                 -- running | completed | failed
    created_at BIGINT NOT NULL,
    finished_at BIGINT,
    size_bytes BIGINT NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL DEFAULT '',      -- of the whole file as stored
    encrypted INTEGER NOT NULL DEFAULT 0,
    database_kind TEXT NOT NULL DEFAULT '',
    schema_version TEXT NOT NULL DEFAULT '',
    hearth_version TEXT NOT NULL DEFAULT '',
    includes TEXT NOT NULL DEFAULT '',    -- the extra paths and volumes, as the manifest lists them (JSON)
    remote TEXT NOT NULL DEFAULT '',      -- rclone destination of the copy, empty when none
    remote_status TEXT NOT NULL DEFAULT '', -- copied | failed | empty when no remote
    verified_at BIGINT,
    verify_result TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX backups_created_at ON backups (created_at);
