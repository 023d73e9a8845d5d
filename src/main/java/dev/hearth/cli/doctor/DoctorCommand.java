package dev.hearth.cli.doctor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.cli.Command;
import dev.hearth.cli.CommandContext;
import dev.hearth.platform.config.ConfigException;
import dev.hearth.platform.config.ConfigLoader;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.integration.KindContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code hearth doctor}: reads the configuration as Hearth would, runs every check at once, prints one line
 * per finding with a fix under each problem, and exits 0 only when nothing is wrong.
 */
public final class DoctorCommand implements Command {
    static final int PROBLEMS_FOUND = 1;
    private static final int WIDTH = 9;

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "check this machine for Hearth (Docker, port, data dir, upstreams, clock, Java); prints a fix for each problem";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        PrintStream out = context.out();
        if (!args.isEmpty()) {
            context.err()
                    .println("hearth doctor: takes no arguments (it reads hearth.yml and HEARTH_* as Hearth does)");
            return 64;
        }
        ConfigLoader loader;
        HearthConfig config;
        try {
            // as Hearth reads it: the enabled plugins' kinds count in hearth.yml
            loader = ConfigLoader.withPlugins(context.environment());
            String source =
                    loader.configFile().map(p -> p.toAbsolutePath().toString()).orElse("none, embedded defaults");
            out.println("hearth doctor: configuration file " + source);
            config = loader.load();
        } catch (ConfigException e) {
            List<Finding> findings = e.problems().stream()
                    .map(p -> Finding.problem(
                            "config",
                            p,
                            "correct it in hearth.yml (docs/configuration.md), then run hearth doctor again"))
                    .toList();
            return report(findings, out);
        }
        HearthConfig loaded = config;
        ObjectMapper json = JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (HttpStack http = new HttpStack(json, context.clock())) {
            // The kinds the running Hearth knows, registered by ServiceLoader, made without CDI.
            KindContext kinds = new KindContext(http, json, context.clock(), () -> loaded);
            List<Check> checks = List.of(
                    JavaCheck.ofThisJvm(),
                    new DockerCheck(),
                    new PortCheck(),
                    new DataDirCheck(),
                    new UpstreamCheck(
                            IntegrationKinds.load(IntegrationKinds.class.getClassLoader(), loader.plugins()), kinds),
                    new ClockCheck(context.clock()));
            return report(runAll(checks, config), out);
        }
    }

    private static List<Finding> runAll(List<Check> checks, HearthConfig config) {
        List<Finding> findings = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Finding>>> running =
                    checks.stream().map(c -> pool.submit(() -> c.run(config))).toList();
            for (int i = 0; i < running.size(); i++) {
                try {
                    findings.addAll(running.get(i).get());
                } catch (ExecutionException e) {
                    findings.add(Finding.problem(
                            checks.get(i).getClass().getSimpleName(),
                            "the check itself failed: " + e.getCause(),
                            "report this as a bug in hearth doctor"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return findings;
    }

    private static int report(List<Finding> findings, PrintStream out) {
        for (Finding f : findings) {
            out.printf("  %-" + WIDTH + "s%-10s %s%n", f.verdict().label(), f.check(), f.detail());
            if (f.verdict() == Finding.Verdict.PROBLEM) {
                out.printf("  %" + WIDTH + "s%-10s fix: %s%n", "", "", f.fix());
            }
        }
        long problems = findings.stream()
                .filter(f -> f.verdict() == Finding.Verdict.PROBLEM)
                .count();
        if (problems == 0) {
            out.println("No problems found.");
            return 0;
        }
        out.println(problems + (problems == 1 ? " problem" : " problems") + " found: see the fix under each.");
        return PROBLEMS_FOUND;
    }
}
