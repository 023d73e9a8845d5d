package dev.hearth.testing;

import dev.hearth.platform.integration.IntegrationKind;
import dev.hearth.platform.integration.IntegrationKinds;
import java.util.List;

/**
 * Every integration kind the application registers (META-INF/services, through the registry the application
 * uses), without the test doubles' own kinds. Contract tests take their lists from here, so a new kind is
 * covered by being registered.
 */
public final class RegisteredKinds {

    private RegisteredKinds() {}

    public static List<IntegrationKind<?>> all() {
        return IntegrationKinds.load().all().stream()
                .filter(k -> !k.getClass().getName().startsWith("dev.hearth.fakes."))
                .toList();
    }

    /** The ids of the registered kinds that offer {@code capability}, sorted. */
    public static List<String> offering(Class<?> capability) {
        return all().stream()
                .filter(k -> k.offers(capability))
                .map(IntegrationKind::id)
                .sorted()
                .toList();
    }

    public static IntegrationKind<?> byId(String id) {
        return all().stream()
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no registered integration '" + id + "'"));
    }
}
