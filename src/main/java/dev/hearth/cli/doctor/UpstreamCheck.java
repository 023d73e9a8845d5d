package dev.hearth.cli.doctor;

import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.integration.Health;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServicesConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every configured service with a URL, asked through its own integration, as Hearth asks it: reachable, and
 * (for those that log in) the credentials accepted. All at once: the check takes as long as the slowest.
 * The kinds are the registry's (ServiceLoader), made without CDI, as in Hearth.main.
 */
final class UpstreamCheck implements Check {
    static final String NAME = "upstream";
    private final IntegrationKinds kinds;
    private final KindContext context;

    UpstreamCheck(IntegrationKinds kinds, KindContext context) {
        this.kinds = kinds;
        this.context = context;
    }

    @Override
    public List<Finding> run(HearthConfig config) {
        List<ServiceEntry> services = config.section(ServicesConfig.class).services().stream()
                .filter(s -> !s.url().isBlank())
                .toList();
        if (services.isEmpty()) {
            return List.of(Finding.skipped(NAME, "no service with a url configured"));
        }
        List<Finding> findings = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Finding>> answers =
                    services.stream().map(s -> pool.submit(() -> check(s))).toList();
            for (Future<Finding> f : answers) {
                try {
                    findings.add(f.get());
                } catch (ExecutionException e) {
                    findings.add(Finding.problem(
                            NAME, "a check failed: " + e.getCause(), "report this as a bug in hearth doctor"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return findings;
                }
            }
        }
        return findings;
    }

    private Finding check(ServiceEntry s) {
        String where = s.name() + " (" + s.integration() + ", " + s.url() + ")";
        if (kinds.find(s.integration()).isEmpty()) {
            return Finding.problem(
                    NAME,
                    where + ": unknown integration '" + s.integration() + "'",
                    "set services[" + s.name() + "].integration to one of " + kinds.ids());
        }
        Health h;
        try {
            h = kinds.create(s.integration(), s.name(), URI.create(s.url()), s.credentials(), s.timeout(), context)
                    .poll()
                    .health();
        } catch (ConfigException e) {
            return Finding.problem(
                    NAME,
                    where + ": " + String.join("; ", e.problems()),
                    "correct services[" + s.name() + "].credentials in hearth.yml");
        } catch (RuntimeException e) {
            return Finding.problem(
                    NAME, where + ": " + e.getMessage(), "check services[" + s.name() + "] in hearth.yml");
        }
        String said = h.message() + " (" + h.latencyMs() + " ms)";
        return switch (h.status()) {
            case ONLINE -> Finding.ok(NAME, where + ": " + said);
            case UNKNOWN ->
                Finding.problem(
                        NAME, where + ": " + said, "check that " + s.name() + " runs, then run hearth doctor again");
            case OFFLINE ->
                Finding.problem(
                        NAME,
                        where + ": " + said,
                        switch (h.detail()) {
                            case AUTH_ERROR ->
                                "correct services[" + s.name() + "].credentials in hearth.yml (the ones " + s.name()
                                        + "'s own web interface accepts)";
                            case CONFIGURATION_ERROR ->
                                "correct services[" + s.name() + "] in hearth.yml (url, integration, credentials)";
                            case COMMUNICATION_ERROR, NONE ->
                                "check that " + s.name() + " runs and listens at " + s.url()
                                        + " as seen from this machine (curl -sS -o /dev/null -w '%{http_code}' "
                                        + s.url() + ")";
                        });
        };
    }
}
