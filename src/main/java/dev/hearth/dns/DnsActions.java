package dev.hearth.dns;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.services.ServiceRegistry;
import jakarta.inject.Singleton;
import java.util.List;

/** DNS actions: reading is the viewer's; publishing anything to the internet, or taking it away, is the admin's. */
@Singleton
public class DnsActions implements ActionProvider {
    private final DnsService dns;
    private final ServiceRegistry services;

    public DnsActions(DnsService dns, ServiceRegistry services) {
        this.dns = dns;
        this.services = services;
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec("dns.records", "The zone's DNS records", Role.VIEWER, false, List.of()),
                        c -> new Records(dns.zone(), dns.records())),
                new Action(
                        new ActionSpec(
                                "dns.tunnel",
                                "The tunnel's status and, when it is remotely managed, its public hostnames",
                                Role.VIEWER,
                                false,
                                List.of()),
                        c -> tunnel()),
                new Action(
                        new ActionSpec(
                                "dns.expose",
                                "Publish a service on the internet through the tunnel: a proxied CNAME and the tunnel's "
                                        + "ingress rule",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required(
                                                "hostname",
                                                Type.STRING,
                                                "a name in the zone, e.g. 'jellyfin' or 'jellyfin.example.org'"),
                                        Param.optional("service", Type.STRING, "a service whose URL is the origin"),
                                        Param.optional(
                                                "origin",
                                                Type.STRING,
                                                "the origin URL instead, e.g. http://127.0.0.1:8096"))),
                        this::expose),
                new Action(
                        new ActionSpec(
                                "dns.unexpose",
                                "Take a hostname off the internet: its CNAME to the tunnel and its ingress rule",
                                Role.ADMIN,
                                true,
                                List.of(Param.required("hostname", Type.STRING, "the published name"))),
                        c -> dns.unexpose(c.string("hostname"))),
                new Action(
                        new ActionSpec(
                                "dns.record",
                                "Create a DNS-only record (not proxied): A or AAAA to an address, or SRV to a host and port "
                                        + "(e.g. a Minecraft server, which a tunnel does not carry)",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("type", Type.STRING, "A, AAAA or SRV"),
                                        Param.required(
                                                "name",
                                                Type.STRING,
                                                "a name in the zone; for SRV the server's name (_minecraft._tcp. is added)"),
                                        Param.optional("content", Type.STRING, "A/AAAA: the IP address"),
                                        Param.optional("target", Type.STRING, "SRV: the host players connect to"),
                                        Param.optional("port", Type.INTEGER, "SRV: the port"))),
                        this::record),
                new Action(
                        new ActionSpec(
                                "dns.delete_record",
                                "Delete a DNS record of the zone",
                                Role.ADMIN,
                                true,
                                List.of(Param.required("id", Type.STRING, "the record's id"))),
                        c -> {
                            dns.deleteRecord(c.string("id"));
                            return new RecordDeleted(c.string("id"));
                        }));
    }

    /** {@code dns.records}. */
    public record Records(String zone, List<DnsRecord> records) {}

    /** {@code dns.tunnel}: its status and, when remotely managed, its ingress rules. */
    public record Tunnel(TunnelStatus tunnel, List<IngressRule> ingress) {}

    /** {@code dns.delete_record}. */
    public record RecordDeleted(String deleted) {}

    private Tunnel tunnel() {
        TunnelStatus t = dns.tunnel();
        return new Tunnel(t, t.remotelyManaged() ? dns.ingress() : List.of());
    }

    private Exposure expose(ActionCall call) {
        String origin = call.optionalString("origin").orElse(null);
        String service = call.optionalString("service").orElse(null);
        if ((origin == null) == (service == null))
            throw ApiException.invalid("origin", "give either service or origin");
        String target = origin;
        if (service != null) {
            target = services.service(service).url();
            if (target.isEmpty())
                throw ApiException.invalid("service", "service '" + service + "' has no URL to publish; give origin");
        }
        if (target == null) throw ApiException.invalid("origin", "give either service or origin");
        return dns.expose(call.string("hostname"), target);
    }

    private DnsRecord record(ActionCall call) {
        String type = call.string("type");
        String value = type.equalsIgnoreCase("SRV") ? call.string("target") : call.string("content");
        int port = call.params().has("port") ? (int) call.integer("port") : 0;
        return dns.createPlain(type, call.string("name"), value, port);
    }
}
