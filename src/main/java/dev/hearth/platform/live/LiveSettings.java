package dev.hearth.platform.live;

import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.RestartRequired;
import dev.hearth.platform.config.Validated;
import java.time.Duration;

/**
 * The live hub's section, {@code monitoring.live} in hearth.yml (where the seed's users look for it):
 * how many messages a client may have unsent, how long a one-time WebSocket ticket stays valid, how many
 * sockets one caller may hold and how many keys one socket may subscribe to.
 */
@RestartRequired
public record LiveSettings(int sendQueue, Duration ticketTtl, int maxSocketsPerCaller, int maxSubscriptions)
        implements Validated {
    @Override
    public void validate(Problems p) {
        p.check(sendQueue >= 1 && sendQueue <= 10_000, "send_queue", "must be between 1 and 10000");
        p.positive(ticketTtl, "ticket_ttl");
        p.check(
                maxSocketsPerCaller >= 1 && maxSocketsPerCaller <= 1000,
                "max_sockets_per_caller",
                "must be between 1 and 1000");
        p.check(
                maxSubscriptions >= 1 && maxSubscriptions <= 100_000,
                "max_subscriptions",
                "must be between 1 and 100000");
    }
}
