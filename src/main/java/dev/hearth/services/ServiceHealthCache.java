package dev.hearth.services;

import dev.hearth.platform.cache.ClearableCache;
import jakarta.inject.Singleton;

/** The health board's last readings, as a cache maintenance may clear: the board reads every service again at once. */
@Singleton
public class ServiceHealthCache implements ClearableCache {
    private final HealthBoard board;

    public ServiceHealthCache(HealthBoard board) {
        this.board = board;
    }

    @Override
    public String name() {
        return "service-health";
    }

    @Override
    public String description() {
        return "each service's last health reading and resource usage (read again at once)";
    }

    @Override
    public int clear() {
        return board.forget();
    }
}
