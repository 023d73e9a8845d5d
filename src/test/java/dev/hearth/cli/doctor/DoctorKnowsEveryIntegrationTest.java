package dev.hearth.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hearth.platform.integration.IntegrationDescriptor;
import dev.hearth.platform.integration.IntegrationRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The doctor makes integrations without CDI; it must know every kind the running Hearth knows. */
@QuarkusTest
class DoctorKnowsEveryIntegrationTest {
    @Inject
    IntegrationRegistry registry;

    @Test
    void theDoctorsKindsAreTheRegistrysKinds() {
        assertEquals(registry.all().stream().map(IntegrationDescriptor::id).sorted().toList(), new IntegrationKinds(Clock.systemUTC()).ids(),
                "add the new provider to cli/doctor/IntegrationKinds");
    }
}
