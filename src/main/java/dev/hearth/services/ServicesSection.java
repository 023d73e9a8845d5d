package dev.hearth.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.platform.config.ConfigSection;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.config.Variants;
import dev.hearth.platform.integration.IntegrationKinds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers the {@code services} list of hearth.yml (META-INF/services). Each entry's {@code credentials}
 * are its integration kind's settings record, checked at start like every other key.
 */
public final class ServicesSection implements ConfigSection<ServicesConfig> {
    private static final Set<String> RESTART = Set.of("no", "on-failure", "always");

    private final IntegrationKinds kinds;

    /** Hearth's own kinds (ServiceLoader makes it so). */
    public ServicesSection() {
        this(IntegrationKinds.load(ServicesSection.class.getClassLoader()));
    }

    private ServicesSection(IntegrationKinds kinds) {
        this.kinds = kinds;
    }

    @Override
    public ConfigSection<ServicesConfig> withPlugins(dev.hearth.platform.plugins.PluginJars plugins) {
        return new ServicesSection(IntegrationKinds.load(ServicesSection.class.getClassLoader(), plugins));
    }

    @Override
    public String key() {
        return "services";
    }

    @Override
    public Class<ServicesConfig> type() {
        return ServicesConfig.class;
    }

    @Override
    public ServicesConfig defaults() {
        return new ServicesConfig(List.of());
    }

    @Override
    public List<Variants> variants() {
        return List.of(new Variants(ServiceEntry.class, "integration", "http", "credentials", kinds.settingsTypes()));
    }

    @Override
    public void validate(ServicesConfig section, HearthConfig config, Problems p) {
        DockerConfig docker = config.section(DockerConfig.class);
        Set<String> names = new HashSet<>();
        List<ServiceEntry> services = section.services();
        for (int i = 0; i < services.size(); i++) {
            ServiceEntry svc = services.get(i);
            Problems at = p.at("[" + i + "]");
            if (svc.name() == null || !svc.name().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
                at.add("name", "must be lower-case letters, digits, - or _ (got '" + svc.name() + "')");
                continue;
            }
            at.check(names.add(svc.name()), "name", "'" + svc.name() + "' is used twice");
            if (!svc.url().isEmpty()) {
                at.check(Problems.isHttpUrl(svc.url()), "url", "'" + svc.url() + "' is not an http:// or https:// URL");
            }
            at.positive(svc.checkInterval(), "check_interval");
            at.positive(svc.timeout(), "timeout");
            kinds.check(svc.integration(), "integration", svc.credentials(), "credentials", at);
            ServiceEntry.labelProblem(svc.labels()).ifPresent(problem -> at.add("labels", problem));
            runtime(at.at("runtime"), svc.runtime(), docker);
        }
    }

    private static void runtime(Problems p, ServiceEntry.Runtime runtime, DockerConfig docker) {
        if (runtime.docker() != null && runtime.process() != null) {
            p.add("", "give either docker or process, not both");
        }
        if (runtime.docker() != null) {
            ServiceEntry.DockerRuntime d = runtime.docker();
            p.check(!d.container().isBlank(), "docker.container", "must name the container");
            p.check(
                    docker.names().contains(d.endpoint()),
                    "docker.endpoint",
                    "'" + d.endpoint() + "' is not one of docker.endpoints (" + String.join(", ", docker.names())
                            + ")");
        }
        if (runtime.process() != null) {
            ServiceEntry.ProcessRuntime pr = runtime.process();
            p.check(
                    !pr.command().isEmpty() && !pr.command().getFirst().isBlank(),
                    "process.command",
                    "must give the program, e.g. [deluged, -d]");
            p.check(
                    RESTART.contains(pr.restart()),
                    "process.restart",
                    "must be no, on-failure or always (got '" + pr.restart() + "')");
            p.check(
                    pr.stopSignal().matches("(SIG)?[A-Z0-9]+"),
                    "process.stop_signal",
                    "must be a signal name like TERM or INT");
            p.positive(pr.stopTimeout(), "process.stop_timeout");
            p.positive(pr.backoff(), "process.backoff");
            p.positive(pr.maxBackoff(), "process.max_backoff");
            p.positive(pr.crashLoopWindow(), "process.crash_loop_window");
            p.check(pr.crashLoopLimit() >= 1, "process.crash_loop_limit", "must be at least 1");
            p.check(pr.logFiles() >= 1 && pr.logFiles() <= 100, "process.log_files", "must be between 1 and 100");
            p.check(pr.logMaxSize().bytes() >= 1024, "process.log_max_size", "must be at least 1KB");
        }
    }

    /** The seeds show services in the config as a list of names; their settings are under /api/v1/services. */
    @Override
    public JsonNode view(ServicesConfig section, JsonNode redacted) {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        section.services().forEach(s -> names.add(s.name()));
        return names;
    }

    /** Seed clients PUT back the list of service names they read; that is no change and not an error. */
    @Override
    public boolean isUnchanged(JsonNode sent, ServicesConfig current) {
        if (!sent.isArray()) return false;
        List<String> names = new ArrayList<>();
        for (JsonNode n : sent) {
            if (!n.isTextual()) return false;
            names.add(n.asText());
        }
        return names.equals(current.services().stream().map(ServiceEntry::name).toList());
    }
}
