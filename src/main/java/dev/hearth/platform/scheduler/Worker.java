package dev.hearth.platform.scheduler;

import java.util.Optional;

/**
 * One of Hearth's own long-running workers that is not a scheduler poller (the Telegram bot's long poll, say):
 * maintenance lists it beside the pollers and restarts it the same way, without restarting Hearth.
 */
public interface Worker {
    /** Its name and counters as maintenance shows them; empty while the worker is switched off in hearth.yml. */
    Optional<Scheduler.PollerView> view();

    /** Stops the worker (interrupting a hanging call) and starts it again; answers its view after the restart. */
    Scheduler.PollerView restart();
}
