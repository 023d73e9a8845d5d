package dev.hearth.web.live;

import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.CurrentCaller;
import dev.hearth.platform.security.LiveTickets;
import dev.hearth.platform.security.Role;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
    public Issued issue() {
        LiveTickets.Ticket t = tickets.issue(caller.get());
        return new Issued(
                t.ticket(),
                t.expiresInSeconds(),
                new Issued.Urls("/ws?ticket=" + t.ticket(), "/monitoring?ticket=" + t.ticket()));
    }

    /** The ticket, how long it lasts, and the two sockets' addresses with it. */
    public record Issued(String ticket, long expiresInSeconds, Urls urls) {
        public record Urls(String ws, String monitoring) {}
    }
}
