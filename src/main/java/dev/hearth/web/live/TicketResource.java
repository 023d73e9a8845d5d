package dev.hearth.web.live;

import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.LiveTickets;
import dev.hearth.platform.security.Role;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /api/v1/ws/ticket}: a one-time ticket for {@code /ws?ticket=} or {@code /monitoring?ticket=}.
 * Not an action: it changes nothing a person would audit, it only hands the caller's own identity on.
 */
@Path("/api/v1/ws/ticket")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {
    private final LiveTickets tickets;
    private final CurrentCaller caller;

    public TicketResource(LiveTickets tickets, CurrentCaller caller) {
        this.tickets = tickets;
        this.caller = caller;
    }

    @POST
    @Allow(Role.VIEWER)
    public Map<String, Object> issue() {
        LiveTickets.Ticket t = tickets.issue(caller.get());
        return Map.of(
                "ticket",
                t.ticket(),
                "expires_in_seconds",
                t.expiresInSeconds(),
                "urls",
                Map.of("ws", "/ws?ticket=" + t.ticket(), "monitoring", "/monitoring?ticket=" + t.ticket()));
    }
}
