package dev.hearth.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the example plugins the tests load: Java sources compiled against Hearth's published SPI with the
 * JDK's own compiler, packed with their ServiceLoader registrations and manifest into jars, the way a third
 * party would ship one. {@code hello} adds an action, a notification channel kind and an integration kind; {@code broken} throws in
 * its constructor; {@code flaky} throws in its action.
 */
final class ExamplePlugins {
    private ExamplePlugins() {}

    static final String HELLO_ACTIONS = """
            package org.example.hello;

            import dev.hearth.actions.Action;
            import dev.hearth.actions.ActionProvider;
            import dev.hearth.actions.ActionSpec;
            import dev.hearth.platform.security.Role;
            import java.util.List;

            public final class HelloActions implements ActionProvider {
                public record Greeting(String greeting, String caller) {}

                @Override
                public List<Action> actions() {
                    return List.of(new Action(
                            new ActionSpec("hello.greet", "Greets someone by name", Role.OPERATOR, false,
                                    List.of(ActionSpec.Param.required("who", ActionSpec.Type.STRING, "whom to greet"))),
                            c -> new Greeting("Hello, " + c.string("who") + "!", c.caller().label())));
                }
            }
            """;

    static final String HELLO_CHANNEL = """
            package org.example.hello;

            import dev.hearth.notify.Notification;
            import dev.hearth.notify.Notifier;
            import dev.hearth.notify.NotifierKind;
            import dev.hearth.notify.Outcome;
            import dev.hearth.notify.RateRule;
            import dev.hearth.platform.integration.KindContext;
            import java.util.List;

            public final class EchoKind implements NotifierKind<EchoKind.Settings> {
                public record Settings(String prefix, String file) {}

                public String type() { return "echo"; }
                public String documentation() { return "Writes each message to file (else standard output), after prefix"; }
                public String setup() { return "Nothing to set up: give the prefix its lines start with."; }
                public Class<Settings> settings() { return Settings.class; }
                public List<RateRule> limits() { return List.of(); }

                public Notifier create(String channel, Settings s, KindContext context) {
                    return new Notifier() {
                        public List<String> destinations() { return List.of(channel); }
                        public Outcome send(String destination, Notification n, String part) {
                            String line = s.prefix() + part + "\\n";
                            if (s.file() == null || s.file().isEmpty()) {
                                System.out.print(line);
                                return Outcome.sent();
                            }
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of(s.file()), line,
                                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                                return Outcome.sent();
                            } catch (java.io.IOException e) {
                                return new Outcome.Permanent("cannot write " + s.file());
                            }
                        }
                    };
                }
            }
            """;

    /**
     * An integration kind, as a third party would add one for a product Hearth does not know: a service whose status
     * page answers JSON, online while its {@code field} reads {@code expect}, through Hearth's own HTTP stack.
     */
    static final String HELLO_KIND = """
            package org.example.hello;

            import dev.hearth.platform.http.RetryPolicy;
            import dev.hearth.platform.http.UpstreamException;
            import dev.hearth.platform.http.UpstreamResponse;
            import dev.hearth.platform.http.UpstreamSpec;
            import dev.hearth.platform.integration.Capability;
            import dev.hearth.platform.integration.Health;
            import dev.hearth.platform.integration.HealthProbe;
            import dev.hearth.platform.integration.Integration;
            import dev.hearth.platform.integration.IntegrationKind;
            import dev.hearth.platform.integration.IntegrationTarget;
            import dev.hearth.platform.integration.KindContext;
            import dev.hearth.platform.integration.Reading;
            import java.util.Set;

            public final class JsonStatusKind implements IntegrationKind<JsonStatusKind.Settings> {
                public record Settings(String field, String expect) {
                    public Settings {
                        field = field == null || field.isEmpty() ? "status" : field;
                        expect = expect == null || expect.isEmpty() ? "ok" : expect;
                    }
                }

                public String id() { return "jsonstatus"; }
                public String name() { return "JSON status page"; }
                public String documentation() { return "a status page answering JSON: online while field reads expect"; }
                public String setup() { return "Give the status page's URL; field (default status) and expect (default ok)."; }
                public Class<Settings> settings() { return Settings.class; }
                public Set<Capability> capabilities() { return Set.of(); }

                public Integration create(IntegrationTarget<Settings> target, KindContext context) {
                    var client = context.http().client(
                            UpstreamSpec.of(target.serviceName(), target.url()).withRetry(RetryPolicy.none()));
                    Settings s = target.settings();
                    return () -> {
                        long start = System.nanoTime();
                        try {
                            UpstreamResponse r = client.get("");
                            long ms = (System.nanoTime() - start) / 1_000_000;
                            String said = r.json().path(s.field()).asText("");
                            return Reading.of(said.equals(s.expect())
                                    ? Health.online(s.field() + " is " + said, context.clock().instant(), ms)
                                    : Health.offline(Health.Detail.COMMUNICATION_ERROR,
                                            s.field() + " is '" + said + "', not '" + s.expect() + "'",
                                            context.clock().instant(), ms));
                        } catch (UpstreamException e) {
                            return Reading.of(HealthProbe.failed(context.clock(), e, (System.nanoTime() - start) / 1_000_000));
                        }
                    };
                }
            }
            """;

    static final String BROKEN = """
            package org.example.broken;

            import dev.hearth.actions.Action;
            import dev.hearth.actions.ActionProvider;
            import java.util.List;

            public final class BrokenActions implements ActionProvider {
                public BrokenActions() {
                    throw new IllegalStateException("the broken plugin cannot start");
                }

                public List<Action> actions() { return List.of(); }
            }
            """;

    /** A channel kind that throws when made: while the configuration's registries load, at Hearth's start. */
    static final String BROKEN_KIND = """
            package org.example.brokenkind;

            import dev.hearth.notify.Notifier;
            import dev.hearth.notify.NotifierKind;
            import dev.hearth.notify.RateRule;
            import dev.hearth.platform.integration.KindContext;
            import java.util.List;

            public final class BrokenKind implements NotifierKind<BrokenKind.Settings> {
                public record Settings(String x) {}

                public BrokenKind() {
                    throw new IllegalStateException("the broken channel kind cannot start");
                }

                public String type() { return "brokenkind"; }
                public String documentation() { return ""; }
                public String setup() { return ""; }
                public Class<Settings> settings() { return Settings.class; }
                public List<RateRule> limits() { return List.of(); }
                public Notifier create(String channel, Settings s, KindContext context) { throw new IllegalStateException(); }
            }
            """;

    static final String FLAKY = """
            package org.example.flaky;

            import dev.hearth.actions.Action;
            import dev.hearth.actions.ActionProvider;
            import dev.hearth.actions.ActionSpec;
            import dev.hearth.platform.security.Role;
            import java.util.List;

            public final class FlakyActions implements ActionProvider {
                public List<Action> actions() {
                    return List.of(new Action(new ActionSpec("flaky.explode", "Throws, on purpose", Role.VIEWER, false, List.of()),
                            c -> { throw new ArithmeticException("exploded on purpose"); }));
                }
            }
            """;

    /** Writes the four jars into {@code dir} (made when missing). */
    static void writeAll(Path dir) {
        try {
            Files.createDirectories(dir);
            jar(
                    dir.resolve("hello-1.2.0.jar"),
                    Map.of(
                            "org/example/hello/HelloActions.java",
                            HELLO_ACTIONS,
                            "org/example/hello/EchoKind.java",
                            HELLO_CHANNEL,
                            "org/example/hello/JsonStatusKind.java",
                            HELLO_KIND),
                    Map.of(
                            "dev.hearth.actions.ActionProvider",
                            "org.example.hello.HelloActions",
                            "dev.hearth.notify.NotifierKind",
                            "org.example.hello.EchoKind",
                            "dev.hearth.platform.integration.IntegrationKind",
                            "org.example.hello.JsonStatusKind"),
                    "hello",
                    "1.2.0",
                    "Greets people and echoes notifications");
            jar(
                    dir.resolve("broken.jar"),
                    Map.of("org/example/broken/BrokenActions.java", BROKEN),
                    Map.of("dev.hearth.actions.ActionProvider", "org.example.broken.BrokenActions"),
                    "broken",
                    "0.1",
                    "Throws when made");
            jar(
                    dir.resolve("brokenkind.jar"),
                    Map.of("org/example/brokenkind/BrokenKind.java", BROKEN_KIND),
                    Map.of("dev.hearth.notify.NotifierKind", "org.example.brokenkind.BrokenKind"),
                    "brokenkind",
                    "0.1",
                    "A channel kind that throws when made");
            jar(
                    dir.resolve("flaky.jar"),
                    Map.of("org/example/flaky/FlakyActions.java", FLAKY),
                    Map.of("dev.hearth.actions.ActionProvider", "org.example.flaky.FlakyActions"),
                    "flaky",
                    "0.2",
                    "Throws when run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jar(
            Path jar,
            Map<String, String> sources,
            Map<String, String> services,
            String name,
            String version,
            String description)
            throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), ".build-");
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(
                List.of("-d", classes.toString(), "-classpath", spiClasspath(), "--release", "21", "-proc:none"));
        for (var s : sources.entrySet()) {
            Path file = src.resolve(s.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        if (status != 0) throw new IllegalStateException("the example plugin " + name + " did not compile:\n" + errors);
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Hearth-Plugin-Name", name);
        a.putValue("Hearth-Plugin-Version", version);
        a.putValue("Hearth-Plugin-Description", description);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, manifest)) {
            for (var s : services.entrySet()) {
                j.putNextEntry(new JarEntry("META-INF/services/" + s.getKey()));
                j.write((s.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    j.write(Files.readAllBytes(f));
                    j.closeEntry();
                }
            }
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
    }

    /** Where the SPI's classes and the types its signatures name come from: Hearth's classes, Jackson, JSpecify. */
    private static String spiClasspath() {
        List<Class<?>> anchors = List.of(
                dev.hearth.actions.ActionProvider.class,
                com.fasterxml.jackson.databind.JsonNode.class,
                com.fasterxml.jackson.core.JsonParser.class,
                com.fasterxml.jackson.annotation.JsonProperty.class,
                org.jspecify.annotations.Nullable.class);
        List<String> paths = new ArrayList<>();
        for (Class<?> c : anchors) {
            try {
                paths.add(Path.of(c.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, paths);
    }
}
