package dev.hearth.downloads.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.actions.ActionCatalog;
import dev.hearth.downloads.DownloadActions;
import dev.hearth.downloads.DownloadsConfig;
import dev.hearth.downloads.SeedRule;
import dev.hearth.downloads.Task;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.platform.security.Caller;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Auto-delete after seeding, Hearth's own rule: every {@code downloads.poll_interval} each pending rule is
 * checked against the task's last polled ratio and the time since it completed, and a task that reached a
 * limit is removed through the action catalog ({@code tasks.remove}, caller {@code system:auto-delete}), so it
 * is audited like a removal by hand. A removal the client could not do (it is offline) is tried again next
 * time; one refused for good (data outside the download roots) fires the rule and stays in the audit.
 */
@Singleton
public class SeedingSweep {
    private static final Logger LOG = Logger.getLogger(SeedingSweep.class);
    static final Caller CALLER = Caller.system("auto-delete");

    private final SeedRuleStore rules;
    private final TaskStore tasks;
    private final ActionCatalog actions;
    private final Scheduler scheduler;
    private final ConfigService config;
    private final Clock clock;

    public SeedingSweep(
            SeedRuleStore rules,
            TaskStore tasks,
            ActionCatalog actions,
            Scheduler scheduler,
            ConfigService config,
            Clock clock) {
        this.rules = rules;
        this.tasks = tasks;
        this.actions = actions;
        this.scheduler = scheduler;
        this.config = config;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent ignored) {
        Duration every = config.current().section(DownloadsConfig.class).pollInterval();
        scheduler.every("downloads-auto-delete", every, () -> sweep(clock.instant()));
    }

    /** Removes every task whose rule is met at {@code now}; answers the ids removed. */
    public List<String> sweep(Instant now) {
        List<String> removed = new ArrayList<>();
        for (SeedRuleStore.Stored s : rules.pending()) {
            Optional<Task> task = tasks.find(s.taskId());
            if (task.isEmpty()) {
                // Removed meanwhile by other means: nothing left to do.
                rules.fire(s.taskId(), now.toEpochMilli());
                continue;
            }
            Task t = task.get();
            if (!met(s.rule(), t, now)) continue;
            try {
                actions.invoke(
                        DownloadActions.REMOVE,
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("task_id", t.id())
                                .put("delete_data", s.rule().deleteData()),
                        CALLER,
                        "auto-delete");
                rules.fire(t.id(), now.toEpochMilli());
                removed.add(t.id());
            } catch (ApiException e) {
                if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) continue; // the client is away: next sweep
                rules.fire(t.id(), now.toEpochMilli());
                LOG.warnf("Auto-delete of %s refused: %s", t.id(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf("Auto-delete of %s failed, tried again next time: %s", t.id(), e.getMessage());
            }
        }
        return removed;
    }

    /** Completed, and seeded to the ratio or for the time, whichever the rule sets and comes first. */
    static boolean met(SeedRule rule, Task t, Instant now) {
        Instant completed = t.completedAt();
        if (completed == null) return false;
        Double ratio = rule.ratioLimit();
        Long minutes = rule.seedMinutes();
        return (ratio != null && t.ratio() >= ratio)
                || (minutes != null
                        && !completed.plus(Duration.ofMinutes(minutes)).isAfter(now));
    }
}
