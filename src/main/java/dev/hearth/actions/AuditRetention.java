package dev.hearth.actions;

import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.scheduler.Scheduler;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps the audit log to {@code security.audit_retention} (90 days by default): older entries are
 * deleted shortly after start and then every six hours, so the table stops growing on a box that runs
 * for years.
 */
@Singleton
public class AuditRetention {
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    static final Duration EVERY = Duration.ofHours(6);

    private final AuditLog audit;
    private final ConfigService config;
    private final Scheduler scheduler;
    private final Clock clock;

    public AuditRetention(AuditLog audit, ConfigService config, Scheduler scheduler, Clock clock) {
        this.audit = audit;
        this.config = config;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void schedule(@Observes StartupEvent ignored) {
        scheduler.every("audit-retention", EVERY, this::prune);
    }

    /** Deletes what is older than the retention; returns how many entries went. */
    public int prune() {
        int deleted = audit.deleteBefore(
                clock.instant().minus(config.current().security().auditRetention()));
        if (deleted > 0)
            LOG.infof(
                    "Audit: deleted %d entries older than %s",
                    deleted, config.current().security().auditRetention());
        return deleted;
    }
}
