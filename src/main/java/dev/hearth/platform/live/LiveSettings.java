package dev.hearth.platform.live;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Validated;
import java.time.Duration;

/**
 * The live hub's section, {@code monitoring.live} in hearth.yml (where the seed's users look for it):
 * how many messages a client may have unsent, and how long a one-time WebSocket ticket stays valid.
 */
@RestartRequired
public record LiveSettings(int sendQueue, Duration ticketTtl) implements Validated {
    @Override
    public void validate(Problems p) {
        p.check(sendQueue >= 1 && sendQueue <= 10_000, "send_queue", "must be between 1 and 10000");
        p.positive(ticketTtl, "ticket_ttl");
    }
}
