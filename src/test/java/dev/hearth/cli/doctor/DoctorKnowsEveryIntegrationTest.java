package dev.hearth.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.platform.integration.IntegrationProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The doctor makes integrations without CDI; it must know every kind the running Hearth knows. */
@QuarkusTest
class DoctorKnowsEveryIntegrationTest {
    @Inject
    Instance<IntegrationProvider> providers;

    @Test
    void theDoctorsKindsAreTheRegistrysKinds() {
        // The test doubles' providers (dev.hearth.fakes) are beans here too; a user's Hearth has none.
        List<String> shipped = providers.stream().filter(p -> !p.getClass().getName().startsWith("dev.hearth.fakes."))
                .map(p -> p.descriptor().id()).sorted().toList();
        assertEquals(shipped, new IntegrationKinds(Clock.systemUTC(), new dev.hearth.platform.config.ConfigService(dev.hearth.platform.config.ConfigEnvironment.ofProcess())).ids(),
                "add the new provider to cli/doctor/IntegrationKinds");
    }
}
