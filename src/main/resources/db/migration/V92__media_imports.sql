-- Media (issue 12): the imports Sonarr and Radarr told Hearth of by webhook, newest first on the Media page's
-- "Recently imported" card. One row per app instance, download and file, so a redelivered event adds nothing;
-- the store keeps the newest 50. Times are epoch ms.
CREATE TABLE media_imports (
    import_key TEXT PRIMARY KEY,     -- "<app>:<instance>:<download id>:<path>"
    app TEXT NOT NULL,
    instance TEXT NOT NULL,
    title TEXT NOT NULL,             -- the items' display titles, joined
    path TEXT NOT NULL,
    upgrade INTEGER NOT NULL,        -- 1 when it replaced a file of lower quality
    imported_at BIGINT NOT NULL
);
CREATE INDEX media_imports_at ON media_imports (imported_at);
