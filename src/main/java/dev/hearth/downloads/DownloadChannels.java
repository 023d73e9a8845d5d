package dev.hearth.downloads;

import dev.hearth.platform.live.LiveChannel;
import dev.hearth.platform.live.LiveChannels;
import jakarta.inject.Singleton;
import java.util.List;

/** {@code task_updates}: one message per task whose figures moved, keyed by the task id (MLTB reads it as {@code taskId}). */
@Singleton
public class DownloadChannels implements LiveChannels {
    public static final LiveChannel TASK_UPDATES =
            new LiveChannel("task_updates", "task_update", List.of("taskId", "task_id"));

    @Override
    public List<LiveChannel> liveChannels() {
        return List.of(TASK_UPDATES);
    }
}
