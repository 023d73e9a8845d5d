package dev.hearth.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.TestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private HearthConfig load(String yaml, Map<String, String> properties, Map<String, String> env) throws Exception {
        Path file = dir.resolve("hearth.yml");
        Files.writeString(file, yaml);
        Map<String, String> props = new java.util.HashMap<>(properties);
        props.put("hearth.config", file.toString());
        props.putIfAbsent("hearth.data_dir", dir.resolve("data").toString());
        return new ConfigLoader(TestConfig.environment(props, env)).load();
    }

    private ConfigException failure(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml, Map.of(), Map.of()));
    }

    @Test
    void withoutAFileTheEmbeddedDefaultsApply() {
        HearthConfig c = new ConfigLoader(TestConfig.environment(Map.of(), Map.of())).load();
        assertEquals(4327, c.server().port());
        assertEquals(Path.of("./data"), c.dataDir());
        assertEquals("sqlite", c.storage().kind());
        assertEquals(100, c.rateLimits().defaultPerMinute());
    }

    @Test
    void theFileOverridesDefaultsAndKeepsTheRest() throws Exception {
        HearthConfig c = load("server:\n  port: 8080\nlogs:\n  level: DEBUG\n", Map.of(), Map.of());
        assertEquals(8080, c.server().port());
        assertEquals("0.0.0.0", c.server().host());
        assertEquals("DEBUG", c.logs().level());
    }

    @Test
    void everyKeyCanBeOverriddenByItsEnvironmentNameAndTheShortAliasesWork() throws Exception {
        HearthConfig c = load(
                "services:\n  - name: web\n    url: http://127.0.0.1:1/\n",
                Map.of("hearth.security.login.window", "5m", "hearth.services.0.url", "http://127.0.0.1:9000/"),
                Map.of("HEARTH_PORT", "9999", "HEARTH_ADMIN_API_KEY", "hth_from_env_and_long_enough_to_pass_32"));
        assertEquals(9999, c.server().port());
        assertEquals("hth_from_env_and_long_enough_to_pass_32", c.security().adminApiKey());
        assertEquals(Duration.ofMinutes(5), c.security().login().window());
        assertEquals(
                "http://127.0.0.1:9000/",
                c.section(dev.hearth.services.ServicesConfig.class)
                        .services()
                        .getFirst()
                        .url());
    }

    @Test
    void aListCanBeGivenWholeInOneVariable() throws Exception {
        HearthConfig c = load("", Map.of("hearth.security.trusted_proxies", "10.0.0.2, 172.18.0.0/16"), Map.of());
        assertEquals(List.of("10.0.0.2", "172.18.0.0/16"), c.security().trustedProxies());
    }

    @Test
    void secretsComeFromTheEnvironmentWithOptionalFallbacks() throws Exception {
        HearthConfig c = load("""
                services:
                  - name: qbit
                    url: http://127.0.0.1:8080
                    credentials: { username: admin, password: "${QBIT_PASSWORD}", api_key_header: "${NOT_SET:-X-Fallback}" }
                """, Map.of(), Map.of("QBIT_PASSWORD", "s3cret"));
        assertEquals(
                "s3cret",
                c.section(dev.hearth.services.ServicesConfig.class)
                        .services()
                        .getFirst()
                        .credentials()
                        .get("password")
                        .asText());
        assertEquals(
                "X-Fallback",
                c.section(dev.hearth.services.ServicesConfig.class)
                        .services()
                        .getFirst()
                        .credentials()
                        .get("api_key_header")
                        .asText());
    }

    @Test
    void aMissingVariableNamesTheKeyThatNeedsIt() {
        ConfigException e = failure("storage:\n  password: ${PG_PASSWORD}\n");
        assertEquals(
                List.of(
                        "storage.password: environment variable PG_PASSWORD is not set (write ${PG_PASSWORD:-default} for a fallback)"),
                e.problems());
    }

    @Test
    void aValueOfTheWrongTypeIsOneLineNamingTheKey() {
        ConfigException e = failure("server:\n  port: eighty\n");
        assertEquals(1, e.problems().size());
        assertTrue(
                e.problems().getFirst().contains("server.port: 'eighty' is not a valid whole number"),
                e.problems().getFirst());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysThatExistThere() {
        String problem = failure("server:\n  prot: 80\n").problems().getFirst();
        assertTrue(
                problem.contains(
                        "server.prot: unknown key (known keys here: host, max_body_size, max_json_body_size, port)"),
                problem);
    }

    @Test
    void everyViolationIsListedWithItsKey() {
        ConfigException e = failure("server:\n  port: 70000\nstorage:\n  kind: mysql\nlogs:\n  level: LOUD\n");
        assertEquals(
                List.of(
                        "server.port: must be between 1 and 65535 (got 70000)",
                        "storage.kind: must be sqlite or postgresql (got 'mysql')",
                        "logs.level: must be one of DEBUG, ERROR, INFO, TRACE, WARN"),
                e.problems());
    }

    @Test
    void brokenYamlSaysWhere() {
        String problem = failure("server:\n  port: [1\n").problems().getFirst();
        assertTrue(problem.contains("line") && problem.contains("not valid YAML"), problem);
    }

    @Test
    void durationsAndSizesAreReadAsPeopleWriteThem() throws Exception {
        HearthConfig c = load("security:\n  session_ttl: 1h30m\nserver:\n  max_body_size: 512KB\n", Map.of(), Map.of());
        assertEquals(Duration.ofMinutes(90), c.security().sessionTtl());
        assertEquals(512 * 1024, c.server().maxBodySize().bytes());
        assertTrue(failure("security:\n  session_ttl: soon\n")
                .problems()
                .getFirst()
                .startsWith(
                        "hearth.yml".equals("")
                                ? ""
                                : dir.resolve("hearth.yml") + ": security.session_ttl: 'soon' is not a duration"));
    }

    @Test
    void forwardAuthWithoutTrustedProxiesIsRefused() {
        String problem = failure("security:\n  forward_auth:\n    enabled: true\n")
                .problems()
                .getFirst();
        assertEquals(
                "security.forward_auth.enabled: needs security.trusted_proxies: forward-auth headers are only trusted from known proxies",
                problem);
    }

    @Test
    void serviceNamesMustBeUniqueUrlIds() {
        ConfigException e = failure("services:\n  - name: Web Server\n  - name: a\n    url: ftp://x\n  - name: a\n");
        assertEquals(
                List.of(
                        "services[0].name: must be lower-case letters, digits, - or _ (got 'Web Server')",
                        "services[1].url: 'ftp://x' is not an http:// or https:// URL",
                        "services[2].name: 'a' is used twice"),
                e.problems());
    }

    @Test
    void aNamedConfigFileThatDoesNotExistIsAClearError() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> new ConfigLoader(TestConfig.environment(Map.of(), Map.of("HEARTH_CONFIG", "/nope/hearth.yml")))
                        .load());
        assertEquals(List.of("HEARTH_CONFIG: no such file '/nope/hearth.yml'"), e.problems());
    }

    @Test
    void aServicesCredentialsAreCheckedAtStartAgainstItsIntegrationKindsRecord() {
        ConfigException e = failure("""
                services:
                  - name: qbit
                    url: http://127.0.0.1:8080
                    integration: qbittorrent
                    credentials: { username: admin, pasword: x }
                  - name: nas
                    url: http://127.0.0.1:9
                    integration: plexx
                """);
        assertTrue(
                e.problems().stream()
                        .anyMatch(p -> p.equals(
                                "services[0].credentials.pasword: unknown key (known keys here: password, username)")),
                e.problems().toString());
        assertTrue(
                e.problems().stream()
                        .anyMatch(p -> p.startsWith("services[1].integration: unknown integration 'plexx' (known: ")),
                e.problems().toString());
    }

    @Test
    void aFeaturesSectionHasItsDefaultsAndItsKeysTheirEnvironmentNames() throws Exception {
        HearthConfig c = load(
                "services:\n  - name: qbit\n    url: http://127.0.0.1:8080\n    integration: qbittorrent\n",
                Map.of("hearth.downloads.poll_interval", "2s", "hearth.services.0.credentials.password", "from-env"),
                Map.of());
        assertEquals(
                Duration.ofSeconds(2),
                c.section(dev.hearth.downloads.DownloadsConfig.class).pollInterval());
        assertEquals(
                "link",
                c.section(dev.hearth.downloads.DownloadsConfig.class)
                        .completion()
                        .mode(),
                "the section's own default");
        assertEquals(
                "from-env",
                c.section(dev.hearth.services.ServicesConfig.class)
                        .services()
                        .getFirst()
                        .credentials()
                        .get("password")
                        .asText());
        assertEquals(
                64,
                c.section(dev.hearth.platform.live.LiveSettings.class).sendQueue(),
                "monitoring.live is a section of its own");
    }

    @Test
    void anUnknownTopLevelKeyNamesTheSectionsToo() {
        String problem = failure("downlods:\n  poll_interval: 5s\n").problems().getFirst();
        assertTrue(
                problem.contains("downlods: unknown key (known keys here: ")
                        && problem.contains("downloads")
                        && problem.contains("notifications"),
                problem);
    }
}
