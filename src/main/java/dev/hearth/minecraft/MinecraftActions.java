package dev.hearth.minecraft;

import dev.hearth.actions.Action;
import dev.hearth.actions.ActionCall;
import dev.hearth.actions.ActionProvider;
import dev.hearth.actions.ActionSpec;
import dev.hearth.actions.ActionSpec.Param;
import dev.hearth.actions.ActionSpec.Type;
import dev.hearth.dns.DnsRecord;
import dev.hearth.dns.DnsService;
import dev.hearth.platform.security.Role;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Minecraft actions. Roles: the list and the players are the viewer's; start, stop and the RCON commands (say,
 * whitelist, save-all) the operator's; creating a server (a new program with a port open to the internet) and
 * removing one the admin's.
 */
@Singleton
public class MinecraftActions implements ActionProvider {
    private final MinecraftService minecraft;
    private final DnsService dns;

    public MinecraftActions(MinecraftService minecraft, DnsService dns) {
        this.minecraft = minecraft;
        this.dns = dns;
    }

    private static Param name() {
        return Param.required("name", Type.STRING, "the server's name");
    }

    @Override
    public List<Action> actions() {
        return List.of(
                new Action(
                        new ActionSpec(
                                "minecraft.list",
                                "The Minecraft servers: state, players online, version",
                                Role.VIEWER,
                                false,
                                List.of()),
                        c -> new Servers(minecraft.list())),
                new Action(
                        new ActionSpec(
                                "minecraft.create",
                                "Create and start a Minecraft server (itzg/minecraft-server) with its own world volume",
                                Role.ADMIN,
                                false,
                                List.of(
                                        Param.required("name", Type.STRING, "e.g. SurvivalWorld"),
                                        Param.optional("memory", Type.STRING, "e.g. 4G (default 2G)"),
                                        Param.optional(
                                                "version", Type.STRING, "e.g. 1.20.4, LATEST (default) or SNAPSHOT"),
                                        Param.optional(
                                                "type",
                                                Type.STRING,
                                                "VANILLA (default), PAPER, FABRIC, FORGE, PURPUR, SPIGOT, ..."),
                                        Param.optional(
                                                "publish_dns",
                                                Type.BOOLEAN,
                                                "also create a DNS-only SRV record for it (needs dns and a public host)"))),
                        this::create),
                new Action(
                        new ActionSpec(
                                "minecraft.start", "Start a Minecraft server", Role.OPERATOR, false, List.of(name())),
                        c -> minecraft.start(c.string("name"))),
                new Action(
                        new ActionSpec(
                                "minecraft.stop",
                                "Stop a Minecraft server (it saves its world first)",
                                Role.OPERATOR,
                                false,
                                List.of(name())),
                        c -> minecraft.stop(c.string("name"))),
                new Action(
                        new ActionSpec(
                                "minecraft.remove",
                                "Remove a Minecraft server; its world is kept unless delete_world",
                                Role.ADMIN,
                                true,
                                List.of(
                                        name(),
                                        Param.optional(
                                                "delete_world",
                                                Type.BOOLEAN,
                                                "also delete the world's volume (default false)"))),
                        c -> minecraft.remove(c.string("name"), c.flag("delete_world", false))),
                new Action(
                        new ActionSpec(
                                "minecraft.players",
                                "Who is online, by name (RCON list)",
                                Role.VIEWER,
                                false,
                                List.of(name())),
                        c -> answer(c, minecraft.players(c.string("name")))),
                new Action(
                        new ActionSpec(
                                "minecraft.say",
                                "Say something to every player",
                                Role.OPERATOR,
                                false,
                                List.of(name(), Param.required("message", Type.STRING, "one line"))),
                        c -> answer(c, minecraft.say(c.string("name"), c.string("message")))),
                new Action(
                        new ActionSpec(
                                "minecraft.whitelist",
                                "Change or read the whitelist",
                                Role.OPERATOR,
                                false,
                                List.of(
                                        name(),
                                        Param.required("op", Type.STRING, "add, remove, list, on, off or reload"),
                                        Param.optional("player", Type.STRING, "for add and remove"))),
                        c -> answer(
                                c,
                                minecraft.whitelist(
                                        c.string("name"),
                                        c.string("op"),
                                        c.optionalString("player").orElse(null)))),
                new Action(
                        new ActionSpec(
                                "minecraft.save",
                                "Write the world to disk now (save-all)",
                                Role.OPERATOR,
                                false,
                                List.of(name())),
                        c -> answer(c, minecraft.saveAll(c.string("name")))));
    }

    /** {@code minecraft.list}. */
    public record Servers(List<MinecraftService.Server> servers) {}

    /** What the server answered an RCON command. */
    public record Answer(String name, String answer) {}

    /** The automation server's answer to create, and the DNS advice (why not the tunnel, the records that work). */
    public record Created(String status, MinecraftService.Server server, Map<String, @Nullable Object> dns) {}

    private static Answer answer(ActionCall c, String said) {
        return new Answer(c.string("name"), said);
    }

    /** The automation server's answer shape: {@code {status, server: {name, url, container_id}}}, and how to reach it by name. */
    private Created create(ActionCall call) {
        MinecraftService.Server s = minecraft.create(
                call.string("name"),
                call.optionalString("memory").orElse("2G"),
                call.optionalString("version").orElse("LATEST"),
                call.optionalString("type").orElse("VANILLA"));
        String target = !minecraft.publicHost().isEmpty()
                ? minecraft.publicHost()
                : minecraft.domain().orElse("");
        String host = minecraft.domain().map(d -> s.slug() + "." + d).orElse(s.slug());
        Map<String, @Nullable Object> advice = new LinkedHashMap<>(DnsService.minecraftAdvice(host, s.port(), target));
        if (call.flag("publish_dns", false)) {
            if (!dns.configured()) {
                advice.put("record", null);
                advice.put("record_error", "dns.provider is not set: no record was made");
            } else if (target.isEmpty()) {
                advice.put("record", null);
                advice.put(
                        "record_error",
                        "set minecraft.public_host (or domain) to the name players' SRV record points at");
            } else {
                try {
                    DnsRecord r = dns.createPlain("SRV", s.slug(), target, s.port());
                    advice.put("record", r);
                } catch (ApiException e) {
                    if (e.code() == ErrorCode.INVALID_INPUT) throw e;
                    advice.put("record", null);
                    advice.put("record_error", e.getMessage());
                }
            }
        }
        return new Created("success", s, advice);
    }
}
