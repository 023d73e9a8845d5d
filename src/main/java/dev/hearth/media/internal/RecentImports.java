package dev.hearth.media.internal;

import dev.hearth.media.ImportedTitle;
import dev.hearth.media.MediaItem;
import dev.hearth.media.webhook.MediaWebhookEvent;
import dev.hearth.platform.events.EventListener;
import dev.hearth.platform.storage.Database;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The *arr imports told by webhook, kept for the Media page's "Recently imported" (table of V92, the newest
 * {@value #KEEP}). Stored, not held in memory: an idle Hearth keeps nothing of them, and the card survives a
 * restart. Idempotent: a redelivered import has the same key.
 */
@Singleton
public class RecentImports implements EventListener<MediaWebhookEvent.Imported> {
    static final int KEEP = 50;

    private final Database db;
    private final Clock clock;

    public RecentImports(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Class<MediaWebhookEvent.Imported> type() {
        return MediaWebhookEvent.Imported.class;
    }

    @Override
    public void on(MediaWebhookEvent.Imported e) {
        String titles = e.items().stream().map(MediaItem::displayTitle).collect(Collectors.joining(", "));
        String title = titles.isBlank() ? e.path() : titles;
        String key = e.origin().app() + ":" + e.origin().instance() + ":" + e.downloadId() + ":" + e.path();
        Instant now = clock.instant();
        db.inTransaction(() -> {
            db.update(
                    "INSERT INTO media_imports (import_key, app, instance, title, path, upgrade, imported_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (import_key) DO NOTHING",
                    key,
                    e.origin().app(),
                    e.origin().instance(),
                    title,
                    e.path(),
                    e.upgrade() ? 1 : 0,
                    now.toEpochMilli());
            return db.update(
                    "DELETE FROM media_imports WHERE import_key NOT IN"
                            + " (SELECT import_key FROM media_imports ORDER BY imported_at DESC, import_key LIMIT ?)",
                    KEEP);
        });
    }

    /** The newest {@code limit} imports, newest first. */
    public List<ImportedTitle> newest(int limit) {
        return db.query(
                "SELECT app, instance, title, path, upgrade, imported_at FROM media_imports"
                        + " ORDER BY imported_at DESC, import_key LIMIT ?",
                rs -> new ImportedTitle(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5) == 1,
                        Instant.ofEpochMilli(rs.getLong(6))),
                limit);
    }
}
