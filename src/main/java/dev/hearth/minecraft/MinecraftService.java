package dev.hearth.minecraft;

import dev.hearth.minecraft.internal.Rcon;
import dev.hearth.minecraft.internal.ServerListPing;
import dev.hearth.platform.config.ConfigService;
import dev.hearth.platform.security.Tokens;
import dev.hearth.platform.web.ApiException;
import dev.hearth.platform.web.ErrorCode;
import dev.hearth.services.docker.ContainerDetails;
import dev.hearth.services.docker.ContainerSpec;
import dev.hearth.services.docker.ContainerSummary;
import dev.hearth.services.docker.DockerEndpoints;
import dev.hearth.services.docker.DockerEngineClient;
import dev.hearth.services.docker.DockerException;
import dev.hearth.services.docker.PortBinding;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Minecraft servers on the configured Docker endpoint, as containers of the itzg/minecraft-server image: one
 * named volume per world (mounted at {@code /data}), the game port published for players and RCON on 127.0.0.1
 * only. What Hearth knows of a server is on its container (labels, and RCON's password in its environment),
 * so nothing is stored twice. Status comes from a Server List Ping, in parallel for every running server.
 */
@Singleton
public class MinecraftService {
    public static final String LABEL = "dev.hearth.minecraft";
    static final String PREFIX = "hearth-mc-";
    public static final Set<String> TYPES =
            Set.of("VANILLA", "PAPER", "PURPUR", "FABRIC", "FORGE", "NEOFORGE", "QUILT", "SPIGOT", "BUKKIT", "FOLIA");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{0,31}");
    private static final Pattern VERSION = Pattern.compile("LATEST|SNAPSHOT|1\\.\\d{1,2}(\\.\\d{1,2})?");
    private static final Pattern MEMORY = Pattern.compile("([1-9][0-9]*)([MG])");
    private static final Pattern PLAYER = Pattern.compile("[A-Za-z0-9_]{3,16}");
    /** itzg's image saves the world on SIGTERM; a big world needs time. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    /** A server as the list shows it; {@code status} is null while it is not running or does not answer yet. */
    public record Server(
            String name,
            String slug,
            String containerId,
            String state,
            String url,
            int port,
            int rconPort,
            String type,
            String version,
            String memory,
            String world,
            @Nullable ServerStatus status,
            String statusError) {}

    private final ConfigService config;
    private final DockerEndpoints docker;
    private final Tokens tokens;

    public MinecraftService(ConfigService config, DockerEndpoints docker, Tokens tokens) {
        this.config = config;
        this.docker = docker;
        this.tokens = tokens;
    }

    private MinecraftConfig settings() {
        return config.current().section(MinecraftConfig.class);
    }

    /** No endpoint for the servers is a feature not set up (404, like a switched-off MCP), not a service that is down. */
    private DockerEngineClient engine() {
        String endpoint = settings().endpoint();
        return docker.client(endpoint)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.NOT_FOUND,
                        "Minecraft servers run on Docker endpoint '" + endpoint
                                + "' (minecraft.endpoint), which docker.endpoints does not name",
                        Map.of("known", docker.names().stream().sorted().toList())));
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** Creates the server's world volume and container and starts it. */
    public Server create(String name, String memory, String version, String type) {
        if (!NAME.matcher(name).matches())
            throw ApiException.invalid("name", "must be 1 to 32 letters, digits, spaces, - or _");
        String slug = slug(name);
        if (slug.isEmpty()) throw ApiException.invalid("name", "needs at least one letter or digit");
        String t = type.toUpperCase(Locale.ROOT);
        if (!TYPES.contains(t))
            throw ApiException.invalid(
                    "type", "must be one of " + TYPES.stream().sorted().toList());
        String v = version.toUpperCase(Locale.ROOT);
        if (!VERSION.matcher(v).matches())
            throw ApiException.invalid("version", "must be LATEST, SNAPSHOT or a version such as 1.20.4");
        String mem = memory.toUpperCase(Locale.ROOT);
        if (!MEMORY.matcher(mem).matches()) throw ApiException.invalid("memory", "must be a size such as 2G or 3072M");
        long megabytes = megabytes(mem);
        if (megabytes < 512)
            throw ApiException.invalid("memory", "must be at least 512M: a server with less does not start");
        if (megabytes > megabytes(settings().maxMemory())) {
            throw ApiException.invalid(
                    "memory", "must be at most " + settings().maxMemory() + " (minecraft.max_memory)");
        }
        DockerEngineClient engine = engine();
        return docker(() -> {
            List<ContainerSummary> all = servers(engine);
            if (all.stream().anyMatch(c -> slug.equals(c.labels().get(LABEL + ".slug")))) {
                throw new ApiException(
                        ErrorCode.CONFLICT,
                        "A Minecraft server named '" + name + "' exists already",
                        Map.of("name", name));
            }
            MinecraftConfig s = settings();
            int port = free(all, "port", s.firstPort());
            int rconPort = free(all, "rcon_port", s.firstRconPort());
            String world = PREFIX + slug + "-world";
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(LABEL, name);
            labels.put(LABEL + ".slug", slug);
            labels.put(LABEL + ".port", String.valueOf(port));
            labels.put(LABEL + ".rcon_port", String.valueOf(rconPort));
            labels.put(LABEL + ".type", t);
            labels.put(LABEL + ".version", v);
            labels.put(LABEL + ".memory", mem);
            labels.put(LABEL + ".world", world);
            engine.createVolume(world, Map.of(LABEL, name));
            boolean host = s.network().equals("host");
            List<String> env = new ArrayList<>(List.of(
                    "EULA=TRUE",
                    "TYPE=" + t,
                    "VERSION=" + v,
                    "MEMORY=" + mem,
                    "ENABLE_RCON=true",
                    "RCON_PASSWORD=" + tokens.newSecret("mc_"),
                    "MOTD=" + name,
                    "TZ=" + java.time.ZoneId.systemDefault().getId()));
            // On the host's network there is no publishing: the server listens on the allocated ports itself.
            env.add("SERVER_PORT=" + (host ? port : 25565));
            env.add("RCON_PORT=" + (host ? rconPort : 25575));
            ContainerSpec spec = new ContainerSpec(
                    s.image(),
                    List.of(),
                    env,
                    labels,
                    List.of(world + ":/data"),
                    s.network(),
                    false,
                    host
                            ? List.of()
                            : List.of(PortBinding.tcp("", port, 25565), PortBinding.tcp("127.0.0.1", rconPort, 25575)),
                    s.restartPolicy());
            String id = engine.createContainer(PREFIX + slug, spec);
            engine.start(id);
            return view(engine.inspect(id), null, "");
        });
    }

    /** Every server, with the status of the running ones (asked in parallel, each within minecraft.timeout). */
    public List<Server> list() {
        DockerEngineClient engine = engine();
        List<ContainerSummary> all = docker(() -> servers(engine));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Server>> views = new ArrayList<>();
            for (ContainerSummary c : all) views.add(pool.submit(() -> withStatus(engine.inspect(c.id()))));
            List<Server> out = new ArrayList<>();
            for (Future<Server> f : views) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof DockerException.NotFound))
                        throw new ApiException(
                                ErrorCode.SERVICE_UNAVAILABLE,
                                "Docker endpoint '" + settings().endpoint() + "': "
                                        + String.valueOf(
                                                e.getCause() == null
                                                        ? e.getMessage()
                                                        : e.getCause().getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
                }
            }
            return out;
        }
    }

    public Server get(String name) {
        ContainerDetails c = find(name);
        return withStatus(c);
    }

    public Server start(String name) {
        ContainerDetails c = find(name);
        docker(() -> {
            engine().start(c.id());
            return null;
        });
        return view(engine().inspect(c.id()), null, "");
    }

    public Server stop(String name) {
        ContainerDetails c = find(name);
        docker(() -> {
            engine().stop(c.id(), STOP_GRACE);
            return null;
        });
        return view(engine().inspect(c.id()), null, "");
    }

    /** Removes the container; the world's volume stays unless {@code deleteWorld}. */
    /** What {@link #remove} did: the world's volume is named, and whether it went too. */
    public record Removed(String name, boolean removed, String world, boolean worldDeleted) {}

    public Removed remove(String name, boolean deleteWorld) {
        ContainerDetails c = find(name);
        String world = c.labels().getOrDefault(LABEL + ".world", "");
        return docker(() -> {
            engine().remove(c.id(), true);
            boolean deleted = false;
            if (deleteWorld && !world.isEmpty()) {
                try {
                    engine().removeVolume(world);
                    deleted = true;
                } catch (DockerException.NotFound gone) {
                    deleted = true;
                }
            }
            return new Removed(c.labels().getOrDefault(LABEL, name), true, world, deleted);
        });
    }

    /** {@code say}: a message every player sees. */
    public String say(String name, String message) {
        String m = message.strip();
        if (m.isEmpty() || m.length() > 256 || m.contains("\n"))
            throw ApiException.invalid("message", "must be one line of 1 to 256 characters");
        return rcon(name, "say " + m);
    }

    /** {@code whitelist add|remove <player>}, {@code whitelist list|on|off|reload}. */
    public String whitelist(String name, String op, @Nullable String player) {
        String o = op.toLowerCase(Locale.ROOT);
        if (Set.of("add", "remove").contains(o)) {
            if (player == null || !PLAYER.matcher(player).matches())
                throw ApiException.invalid("player", "must be a player name (3 to 16 letters, digits or _)");
            return rcon(name, "whitelist " + o + " " + player);
        }
        if (Set.of("list", "on", "off", "reload").contains(o)) return rcon(name, "whitelist " + o);
        throw ApiException.invalid("op", "must be add, remove, list, on, off or reload");
    }

    /** {@code save-all}: writes the world to disk now (before a backup of its volume, say). */
    public String saveAll(String name) {
        return rcon(name, "save-all");
    }

    /** The players online by name, from RCON's {@code list} (a Server List Ping may hide them). */
    public String players(String name) {
        return rcon(name, "list");
    }

    private String rcon(String name, String command) {
        ContainerDetails c = find(name);
        if (!c.running())
            throw new ApiException(
                    ErrorCode.CONFLICT, "Minecraft server '" + name + "' is not running", Map.of("state", c.state()));
        String password = c.env().stream()
                .filter(e -> e.startsWith("RCON_PASSWORD="))
                .map(e -> e.substring("RCON_PASSWORD=".length()))
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT, "Server '" + name + "' was not created with RCON enabled"));
        int port = Integer.parseInt(c.labels().getOrDefault(LABEL + ".rcon_port", "25575"));
        try (Rcon r = Rcon.connect(settings().host(), port, password, settings().timeout())) {
            return r.command(command);
        } catch (Rcon.AuthFailed e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "RCON of '" + name + "' refused Hearth's password (was RCON_PASSWORD changed?)",
                    Map.of("reason", "auth_failed"));
        } catch (IOException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "RCON of '" + name + "' does not answer at " + settings().host() + ":" + port + " ("
                            + e.getMessage() + "); a server that is starting opens RCON last",
                    Map.of("reason", "unreachable"));
        }
    }

    private ContainerDetails find(String name) {
        DockerEngineClient engine = engine();
        String slug = slug(name);
        return docker(() -> {
            List<ContainerSummary> all = servers(engine);
            ContainerSummary c = all.stream()
                    .filter(s -> slug.equals(s.labels().get(LABEL + ".slug")))
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound(
                            "Minecraft server",
                            name,
                            all.stream().map(s -> s.labels().get(LABEL)).toList()));
            return engine.inspect(c.id());
        });
    }

    private Server withStatus(ContainerDetails c) {
        if (!c.running()) return view(c, null, "");
        int port = Integer.parseInt(c.labels().getOrDefault(LABEL + ".port", "25565"));
        try {
            return view(
                    c, ServerListPing.ping(settings().host(), port, settings().timeout()), "");
        } catch (IOException e) {
            return view(
                    c,
                    null,
                    "no answer to a Server List Ping at " + settings().host() + ":" + port + " (" + e.getMessage()
                            + "); a server takes a minute or more to start");
        }
    }

    private Server view(ContainerDetails c, @Nullable ServerStatus status, String error) {
        Map<String, String> l = c.labels();
        int port = Integer.parseInt(l.getOrDefault(LABEL + ".port", "25565"));
        return new Server(
                l.getOrDefault(LABEL, c.name()),
                l.getOrDefault(LABEL + ".slug", ""),
                c.id().substring(0, Math.min(12, c.id().length())),
                c.state(),
                url(l.getOrDefault(LABEL + ".slug", ""), port),
                port,
                Integer.parseInt(l.getOrDefault(LABEL + ".rcon_port", "25575")),
                l.getOrDefault(LABEL + ".type", ""),
                l.getOrDefault(LABEL + ".version", ""),
                l.getOrDefault(LABEL + ".memory", ""),
                l.getOrDefault(LABEL + ".world", ""),
                status,
                error);
    }

    /** What players type: {@code <slug>.<domain>:port} when a domain is set (seed: survivalworld.yourdomain.com:25565). */
    String url(String slug, int port) {
        MinecraftConfig s = settings();
        String domain = config.current().domain();
        if (!domain.isEmpty()) return slug + "." + domain + ":" + port;
        if (!s.publicHost().isEmpty()) return s.publicHost() + ":" + port;
        return s.host() + ":" + port;
    }

    public Optional<String> domain() {
        String d = config.current().domain();
        return d.isEmpty() ? Optional.empty() : Optional.of(d);
    }

    public String publicHost() {
        return settings().publicHost();
    }

    private static List<ContainerSummary> servers(DockerEngineClient engine) {
        return engine.listContainers(true).stream()
                .filter(c -> c.labels().containsKey(LABEL))
                .toList();
    }

    private static int free(List<ContainerSummary> all, String label, int first) {
        Set<Integer> used = new HashSet<>();
        for (ContainerSummary c : all) {
            String v = c.labels().get(LABEL + "." + label);
            if (v != null) used.add(Integer.parseInt(v));
        }
        int p = first;
        while (used.contains(p)) p++;
        return p;
    }

    private static long megabytes(String size) {
        var m = MEMORY.matcher(size);
        if (!m.matches()) return Long.MAX_VALUE;
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("G") ? n * 1024 : n;
    }

    private <T> T docker(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DockerException.NotFound e) {
            throw new ApiException(ErrorCode.NOT_FOUND, String.valueOf(e.getMessage()));
        } catch (DockerException.Conflict e) {
            throw new ApiException(ErrorCode.CONFLICT, String.valueOf(e.getMessage()));
        } catch (DockerException e) {
            throw new ApiException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Docker endpoint '" + settings().endpoint() + "': " + e.getMessage(),
                    Map.of("reason", "docker"));
        }
    }
}
