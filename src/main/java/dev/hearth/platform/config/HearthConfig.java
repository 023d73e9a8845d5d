package dev.hearth.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hearth's whole configuration, immutable and validated once. Every key has its default in
 * {@code hearth-defaults.yml} and its documentation in {@code docs/configuration.md}.
 */
public record HearthConfig(
        String domain,
        String mediaDir,
        String downloadsDir,
        @RestartRequired Path dataDir,
        @RestartRequired Server server,
        @RestartRequired Storage storage,
        Security security,
        RateLimits rateLimits,
        Metrics metrics,
        Logs logs,
        Downloads downloads,
        Monitoring monitoring,
        @RestartRequired Notifications notifications,
        @NotChangeableAtRunTime(reason = "services are edited under /api/v1/services") List<ServiceEntry> services,
        @RestartRequired Docker docker,
        @RestartRequired Assistant assistant,
        Mcp mcp,
        Backups backups,
        @RestartRequired Dns dns,
        Minecraft minecraft) {

    public record Server(String host, int port, ByteSize maxBodySize) {}

    public record Storage(String kind, String url, String username, @Secret String password, int poolSize) {
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isPostgresql() {
            return "postgresql".equals(kind);
        }
    }

    public record Security(
            @NotChangeableAtRunTime(reason = "the admin key is taken only at first start; create keys under /api/v1/keys")
            @Secret String adminApiKey,
            Duration sessionTtl,
            boolean secureCookies,
            List<String> trustedProxies,
            ForwardAuth forwardAuth,
            Login login) {}

    public record ForwardAuth(
            boolean enabled,
            String userHeader,
            String groupsHeader,
            List<String> adminGroups,
            List<String> operatorGroups,
            String defaultRole) {}

    public record Login(int maxFailures, Duration window, Duration lockout) {}

    public record RateLimits(int defaultPerMinute, Map<String, RateLimitGroup> groups) {}

    public record RateLimitGroup(String pathPrefix, int perMinute) {}

    public record Metrics(boolean requireAuth) {}

    public record Logs(String level, int bufferSize) {}

    /**
     * The downloads feature: how often each client is polled, the secret of the completion webhook (empty:
     * generated into the data dir at first start), what happens to finished files, and the categories.
     */
    public record Downloads(
            @RestartRequired Duration pollInterval,
            @Secret String webhookSecret,
            Completion completion,
            Map<String, Category> categories) {

        public Downloads {
            webhookSecret = webhookSecret == null ? "" : webhookSecret;
            categories = categories == null ? Map.of() : Map.copyOf(categories);
        }
    }

    /** {@code move}, {@code link} (hard link, copy across file systems) or {@code none}. */
    public record Completion(String mode) {}

    /** Where a category's downloads land, and the library its finished files go to (empty: they stay). */
    public record Category(String savePath, String libraryPath) {
        public Category {
            savePath = savePath == null ? "" : savePath;
            libraryPath = libraryPath == null ? "" : libraryPath;
        }
    }
    /** Collectors, history, alert rules and the live hub (docs/configuration.md, "monitoring"). */
    public record Monitoring(
            @RestartRequired Duration interval,
            MonitoringHistory history,
            Thresholds thresholds,
            AlertRules alerts,
            AlertNotifications notifications,
            String latencyTarget,
            @RestartRequired LiveHub live) {}

    public record MonitoringHistory(Duration raw, Duration minute, Duration hour) {}

    /** A metric's two lines; the metric is at a level from the moment it reaches the line. */
    public record Threshold(double warning, double critical) {}

    public record Thresholds(Threshold cpu, Threshold memory, Threshold disk, Threshold swap, Threshold temperature, Threshold latency) {}

    public record AlertRules(
            Duration forDuration,
            double hysteresis,
            Duration serviceDownFor,
            Duration diskFullWithin,
            Duration downloadCheckInterval,
            Duration retention) {}

    /** The seed's notification settings; the notify feature reads them when it routes an alert. */
    public record AlertNotifications(boolean email, boolean desktop, String minLevel) {}

    public record LiveHub(int sendQueue, Duration ticketTtl) {}

    /** A thing on the home server; issue-by-issue it grows a runtime and more integrations. */
    public record ServiceEntry(
            String name,
            String displayName,
            String group,
            String icon,
            String url,
            String integration,
            Duration checkInterval,
            Duration timeout,
            @Secret Map<String, String> credentials,
            Runtime runtime) {

        public ServiceEntry {
            runtime = runtime == null ? new Runtime(null, null) : runtime;
            displayName = displayName == null || displayName.isBlank() ? name : displayName;
            group = group == null ? "" : group;
            icon = icon == null ? "" : icon;
            url = url == null ? "" : url;
            integration = integration == null || integration.isBlank() ? "http" : integration;
            checkInterval = checkInterval == null ? Duration.ofSeconds(30) : checkInterval;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        }
    }

    /**
     * Where notifications go. Read once at start (the sender keeps per-channel rate state), hence restart.
     * {@code dedup_window}: repeats of one dedup key and level within it collapse into one message.
     */
    public record Notifications(Duration dedupWindow, List<Channel> channels) {
        public Notifications {
            dedupWindow = dedupWindow == null ? Duration.ofMinutes(5) : dedupWindow;
            channels = channels == null ? List.of() : List.copyOf(channels);
        }
    }

    /**
     * One notification channel: a {@code type} (telegram, ntfy, gotify, discord, email, webhook) and that
     * type's settings block; the blocks of other types are ignored. {@code sources}, when not empty, keeps the
     * channel to notifications from those features (e.g. downloads to one chat, alerts to another).
     */
    public record Channel(
            String name,
            String type,
            String minLevel,
            List<String> sources,
            QuietHours quietHours,
            TelegramChannel telegram,
            NtfyChannel ntfy,
            GotifyChannel gotify,
            DiscordChannel discord,
            EmailChannel email,
            WebhookChannel webhook) {
        public Channel {
            name = name == null ? "" : name;
            type = type == null ? "" : type;
            minLevel = minLevel == null || minLevel.isBlank() ? "info" : minLevel;
            sources = sources == null ? List.of() : List.copyOf(sources);
            quietHours = quietHours == null ? new QuietHours(null, null, null) : quietHours;
            telegram = telegram == null ? new TelegramChannel(null, null, null) : telegram;
            ntfy = ntfy == null ? new NtfyChannel(null, null, null) : ntfy;
            gotify = gotify == null ? new GotifyChannel(null, null) : gotify;
            discord = discord == null ? new DiscordChannel(null) : discord;
            email = email == null ? new EmailChannel(null, null, null, null, null, null, null) : email;
            webhook = webhook == null ? new WebhookChannel(null, null) : webhook;
        }
    }

    /** Non-critical messages wait until {@code end}; empty start and end mean no quiet hours. */
    public record QuietHours(String start, String end, String timezone) {
        public QuietHours {
            start = start == null ? "" : start;
            end = end == null ? "" : end;
            timezone = timezone == null ? "" : timezone;
        }

        public boolean enabled() {
            return !start.isEmpty() && !end.isEmpty();
        }
    }

    public record TelegramChannel(@Secret String botToken, List<String> chatIds, String apiBaseUrl) {
        public TelegramChannel {
            botToken = botToken == null ? "" : botToken;
            chatIds = chatIds == null ? List.of() : List.copyOf(chatIds);
            apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.telegram.org" : apiBaseUrl;
        }
    }

    public record NtfyChannel(String url, String topic, @Secret String token) {
        public NtfyChannel {
            url = url == null || url.isBlank() ? "https://ntfy.sh" : url;
            topic = topic == null ? "" : topic;
            token = token == null ? "" : token;
        }
    }

    public record GotifyChannel(String url, @Secret String token) {
        public GotifyChannel {
            url = url == null ? "" : url;
            token = token == null ? "" : token;
        }
    }

    /** The webhook URL carries its token in the path, so the whole URL is secret. */
    public record DiscordChannel(@Secret String webhookUrl) {
        public DiscordChannel {
            webhookUrl = webhookUrl == null ? "" : webhookUrl;
        }
    }

    public record EmailChannel(String host, Integer port, String username, @Secret String password, String from, List<String> to,
                               Boolean starttls) {
        public EmailChannel {
            host = host == null ? "" : host;
            port = port == null || port == 0 ? 587 : port;
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            from = from == null ? "" : from;
            to = to == null ? List.of() : List.copyOf(to);
            starttls = starttls == null ? Boolean.TRUE : starttls;
        }
    }

    public record WebhookChannel(String url, @Secret String hmacSecret) {
        public WebhookChannel {
            url = url == null ? "" : url;
            hmacSecret = hmacSecret == null ? "" : hmacSecret;
        }
    }

    /** How Hearth starts, stops and measures a service: at most one of docker and process; neither means external. */
    public record Runtime(DockerRuntime docker, ProcessRuntime process) {}

    /** A container on a named endpoint of {@code docker.endpoints}. */
    public record DockerRuntime(String container, String endpoint) {
        public DockerRuntime {
            container = container == null ? "" : container;
            endpoint = endpoint == null || endpoint.isBlank() ? "local" : endpoint;
        }
    }

    /** A native program Hearth starts and supervises; its output goes to rotating files under the data dir. */
    public record ProcessRuntime(
            List<String> command,
            Map<String, String> env,
            String workingDir,
            String stopSignal,
            Duration stopTimeout,
            String restart,
            Duration backoff,
            Duration maxBackoff,
            Integer crashLoopLimit,
            Duration crashLoopWindow,
            Boolean autostart,
            ByteSize logMaxSize,
            Integer logFiles) {

        public ProcessRuntime {
            command = command == null ? List.of() : List.copyOf(command);
            env = env == null ? Map.of() : Map.copyOf(env);
            workingDir = workingDir == null ? "" : workingDir;
            stopSignal = stopSignal == null || stopSignal.isBlank() ? "TERM" : stopSignal;
            stopTimeout = stopTimeout == null ? Duration.ofSeconds(10) : stopTimeout;
            restart = restart == null || restart.isBlank() ? "on-failure" : restart;
            backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            crashLoopLimit = crashLoopLimit == null ? 5 : crashLoopLimit;
            crashLoopWindow = crashLoopWindow == null ? Duration.ofMinutes(10) : crashLoopWindow;
            autostart = autostart == null || autostart;
            logMaxSize = logMaxSize == null ? ByteSize.parse("10MB") : logMaxSize;
            logFiles = logFiles == null ? 3 : logFiles;
        }
    }

    /** The Docker engines Hearth watches, each by name; services and discovery refer to them by that name. */
    public record Docker(List<DockerEndpoint> endpoints, String traefikApi, Duration discoveryInterval) {
        public Docker {
            endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
            traefikApi = traefikApi == null ? "" : traefikApi;
            discoveryInterval = discoveryInterval == null ? Duration.ofMinutes(5) : discoveryInterval;
        }
    }

    /**
     * One engine: {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}; with {@code tls_cert_path}
     * (a directory of ca.pem, cert.pem, key.pem, as DOCKER_CERT_PATH) tcp connections use mutual TLS.
     */
    public record DockerEndpoint(String name, String host, String tlsCertPath, Duration timeout) {
        public DockerEndpoint {
            tlsCertPath = tlsCertPath == null ? "" : tlsCertPath;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * The chat assistant behind every chat door (docs/configuration.md, "Assistant"): the offline parser, or an
     * LLM that calls the action catalog's tools. Costs are per million tokens, in the currency of your bill.
     */
    public record Assistant(
            String provider,
            String model,
            String apiBaseUrl,
            @Secret String apiKey,
            int maxTurns,
            int maxTokens,
            Duration timeout,
            int memoryTurns,
            int maxConversations,
            Duration confirmationTtl,
            double inputCostPerMillionTokens,
            double outputCostPerMillionTokens) {
        public Assistant {
            provider = provider == null || provider.isBlank() ? "offline" : provider;
            model = model == null ? "" : model;
            apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl;
            apiKey = apiKey == null ? "" : apiKey;
        }
    }

    /** The MCP server at {@code /mcp}: on or off, read-only (only viewer actions), and browser origins it accepts besides its own. */
    public record Mcp(boolean enabled, boolean readOnly, List<String> allowedOrigins) {
        public Mcp {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    // ---- Care (issue 16): each section self-contained, so it can move to its feature with its rules. ----

    /**
     * Backups (docs/configuration.md, "Backups"): where archives are kept, the passphrase that encrypts them,
     * the schedule (a cron expression) and its retention, and what besides Hearth's own state goes in: paths
     * and named Docker volumes, each inside one of {@code roots}.
     */
    public record Backups(
            String directory,
            @Secret String passphrase,
            String schedule,
            int keepDaily,
            int keepWeekly,
            List<String> roots,
            List<String> includePaths,
            List<String> includeVolumes,
            BackupRclone rclone) {
        public Backups {
            directory = directory == null ? "" : directory;
            passphrase = passphrase == null ? "" : passphrase;
            schedule = schedule == null ? "" : schedule.trim();
            roots = roots == null ? List.of() : List.copyOf(roots);
            includePaths = includePaths == null ? List.of() : List.copyOf(includePaths);
            includeVolumes = includeVolumes == null ? List.of() : List.copyOf(includeVolumes);
            rclone = rclone == null ? new BackupRclone(null, null, null) : rclone;
        }
    }

    /** A copy of every backup on an rclone remote ({@code name:path}), with rclone's own config file. */
    public record BackupRclone(String remote, String config, Duration timeout) {
        public BackupRclone {
            remote = remote == null ? "" : remote.trim();
            config = config == null ? "" : config;
            timeout = timeout == null ? Duration.ofHours(1) : timeout;
        }
    }

    /** Public DNS for exposed services: a provider ({@code cloudflare}) and its settings; empty: none. */
    public record Dns(String provider, DnsCloudflare cloudflare) {
        public Dns {
            provider = provider == null ? "" : provider.trim();
            cloudflare = cloudflare == null ? new DnsCloudflare(null, null, null, null, null, 0, null) : cloudflare;
        }
    }

    /** Cloudflare API v4 with an API token; the zone by name; the tunnel whose hostname the CNAMEs point at. */
    public record DnsCloudflare(
            @Secret String apiToken,
            String zone,
            String tunnelId,
            String accountId,
            String apiBaseUrl,
            int requestsPerFiveMinutes,
            Duration timeout) {
        public DnsCloudflare {
            apiToken = apiToken == null ? "" : apiToken;
            zone = zone == null ? "" : zone.trim();
            tunnelId = tunnelId == null ? "" : tunnelId.trim();
            accountId = accountId == null ? "" : accountId.trim();
            apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.cloudflare.com/client/v4" : apiBaseUrl;
            requestsPerFiveMinutes = requestsPerFiveMinutes == 0 ? 1200 : requestsPerFiveMinutes;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * Minecraft servers as containers of the itzg/minecraft-server image on a Docker endpoint; {@code host} is
     * where Hearth reaches them (Server List Ping, RCON), {@code public_host} what players are told.
     */
    public record Minecraft(
            String endpoint,
            String image,
            String network,
            String host,
            String publicHost,
            int firstPort,
            int firstRconPort,
            String restartPolicy,
            String maxMemory,
            Duration timeout) {
        public Minecraft {
            endpoint = endpoint == null || endpoint.isBlank() ? "local" : endpoint;
            image = image == null ? "" : image;
            network = network == null ? "" : network;
            host = host == null ? "" : host;
            publicHost = publicHost == null ? "" : publicHost;
            restartPolicy = restartPolicy == null ? "" : restartPolicy;
            maxMemory = maxMemory == null ? "" : maxMemory;
            timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        }
    }
}
