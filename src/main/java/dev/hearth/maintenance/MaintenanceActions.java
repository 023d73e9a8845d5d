package dev.hearth.maintenance;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.cache.ClearableCache;
import dev.hearth.platform.scheduler.Scheduler;
import dev.hearth.platform.scheduler.Worker;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Maintenance actions, all admin's: they change nothing stored, but clearing drops what every user sees until it
 * is read again, and a restart interrupts a worker's run. Workers are the scheduler's pollers: each service's
 * {@code poll-<service>}, the monitoring sampler {@code metrics-sample}, and the rest it lists; beside them the
 * {@link Worker}s that are switched on (the Telegram bot's {@code telegram-bot}).
 */
@Singleton
public class MaintenanceActions implements ActionProvider {
    private final Instance<ClearableCache> caches;
    private final Scheduler scheduler;
    private final Instance<Worker> workers;

    public MaintenanceActions(Instance<ClearableCache> caches, Scheduler scheduler, Instance<Worker> workers) {
        this.caches = caches;
        this.scheduler = scheduler;
        this.workers = workers;
    }

    /** One cache emptied: its name, what it held, how many entries went. */
    public record CacheCleared(String name, String description, int entries) {}

    /** {@code maintenance.clear_cache}. */
    public record Cleared(List<CacheCleared> cleared) {}

    /** {@code maintenance.workers}. */
    public record Workers(List<Scheduler.PollerView> workers) {}

    /** {@code maintenance.restart_worker}. */
    public record Restarted(Scheduler.PollerView worker, String message) {}

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "maintenance.clear_cache",
                                "Clear Hearth's in-memory caches (clearCache); each is read again as needed",
                                Role.ADMIN,
                                false,
                                List.of(Param.optional("cache", Type.STRING, "only this one, by name; default: all"))),
                        this::clear),
                new Action(
                        new ActionSpec(
                                "maintenance.workers",
                                "Hearth's own workers (pollers, the Telegram bot when on) that can be restarted",
                                Role.ADMIN,
                                false,
                                List.of()),
                        c -> new Workers(allWorkers())),
                new Action(
                        new ActionSpec(
                                "maintenance.restart_worker",
                                "Restart one of Hearth's own workers (restartService) without restarting "
                                        + "Hearth: a run that hangs is interrupted and its schedule starts again with a run at once",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required(
                                                "worker",
                                                Type.STRING,
                                                "its name, as maintenance.workers lists it, e.g. poll-sonarr or metrics-sample"))),
                        this::restart));
    }

    private Cleared clear(ActionCall call) {
        String only = call.optionalString("cache").orElse(null);
        List<ClearableCache> all = caches.stream()
                .sorted(java.util.Comparator.comparing(ClearableCache::name))
                .toList();
        if (only != null && all.stream().noneMatch(c -> c.name().equals(only))) {
            throw ApiException.notFound(
                    "Cache", only, all.stream().map(ClearableCache::name).toList());
        }
        List<CacheCleared> out = new ArrayList<>();
        for (ClearableCache c : all) {
            if (only == null || c.name().equals(only)) out.add(new CacheCleared(c.name(), c.description(), c.clear()));
        }
        return new Cleared(out);
    }

    private List<Scheduler.PollerView> allWorkers() {
        List<Scheduler.PollerView> all = new ArrayList<>(scheduler.pollers());
        workers.forEach(w -> w.view().ifPresent(all::add));
        all.sort(java.util.Comparator.comparing(Scheduler.PollerView::name));
        return all;
    }

    private Restarted restart(ActionCall call) {
        String name = call.string("worker");
        java.util.Optional<Scheduler.PollerView> restarted = scheduler.restart(name);
        if (restarted.isEmpty()) {
            for (Worker w : workers) {
                if (w.view().map(v -> v.name().equals(name)).orElse(false)) {
                    restarted = java.util.Optional.of(w.restart());
                    break;
                }
            }
        }
        Scheduler.PollerView v = restarted.orElseThrow(() -> ApiException.notFound(
                "Worker",
                name,
                allWorkers().stream().map(Scheduler.PollerView::name).toList()));
        return new Restarted(v, "Worker " + name + " restarted; it runs now and then every " + v.interval());
    }
}
