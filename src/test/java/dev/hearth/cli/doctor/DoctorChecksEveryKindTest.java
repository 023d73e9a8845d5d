package dev.hearth.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hearth.platform.config.HearthConfig;
import dev.hearth.platform.config.Problems;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationKinds;
import dev.hearth.platform.integration.KindContext;
import dev.hearth.services.ServiceEntry;
import dev.hearth.services.ServicesConfig;
import dev.hearth.testing.Ports;
import dev.hearth.testing.RegisteredKinds;
import dev.hearth.testing.Targets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The doctor knows every kind the running Hearth knows, because it asks the same registry (ServiceLoader, no CDI): a
 * service of each registered kind, with no credentials and nothing listening at its URL, is checked through its own
 * kind. The finding is what that kind makes of it: its settings' refusal (a required key named), or its upstream
 * not answering. Never "unknown integration". Cheap: one refused loopback connection per kind, in parallel.
 */
class DoctorChecksEveryKindTest {

    @Test
    void aServiceOfEveryRegisteredKindIsCheckedThroughItsKind() {
        IntegrationKinds kinds = IntegrationKinds.load();
        List<ServiceEntry> services = new ArrayList<>();
        for (IntegrationKind<?> k : RegisteredKinds.all()) {
            services.add(new ServiceEntry(
                    "svc-" + k.id(),
                    null,
                    null,
                    null,
                    "http://127.0.0.1:" + Ports.free() + "/",
                    k.id(),
                    null,
                    Duration.ofSeconds(2),
                    JsonNodeFactory.instance.objectNode(),
                    null));
        }
        HearthConfig defaults = Targets.defaults();
        HearthConfig config = defaults.withSections(defaults.sections().with("services", new ServicesConfig(services)));
        List<Finding> findings;
        try (HttpStack http = Targets.stack()) {
            findings = new UpstreamCheck(
                            kinds, new KindContext(http, new ObjectMapper(), Clock.systemUTC(), () -> config))
                    .run(config);
        }

        assertEquals(services.size(), findings.size(), findings.toString());
        for (ServiceEntry s : services) {
            Finding f = findings.stream()
                    .filter(x -> x.detail().startsWith(s.name() + " (" + s.integration() + ", "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no finding for " + s.name() + ": " + findings));
            assertEquals(Finding.Verdict.PROBLEM, f.verdict(), f.toString());
            assertFalse(f.detail().contains("unknown integration"), f.toString());
            Problems refused = new Problems();
            kinds.check(s.integration(), "integration", s.credentials(), "credentials", refused);
            if (refused.isEmpty()) {
                assertTrue(
                        f.fix().startsWith("check that " + s.name() + " runs and listens at " + s.url()),
                        s.integration() + ": " + f);
            } else {
                String problem = refused.list().getFirst();
                String key = problem.substring(0, problem.indexOf(':'));
                assertTrue(f.detail().contains(key), s.integration() + " names " + key + ": " + f);
                assertTrue(f.fix().contains("services[" + s.name() + "].credentials"), f.toString());
            }
        }
    }
}
