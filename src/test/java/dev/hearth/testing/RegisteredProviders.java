package dev.hearth.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hearth.platform.http.HttpStack;
import dev.hearth.platform.integration.IntegrationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every integration provider the application registers, found the way CDI finds them (a bean class
 * implementing {@link IntegrationProvider}) without starting Quarkus, and built with the stack and the
 * clock. Contract tests take their lists from here, so a new kind is covered by being registered.
 */
public final class RegisteredProviders {

    private RegisteredProviders() {
    }

    /** Read once: importing the classes is the slow part, and they do not change while tests run. */
    private static final class Scan {
        static final List<Class<?>> PROVIDERS = scan();
    }

    public static List<IntegrationProvider> all(HttpStack http, Clock clock) {
        List<IntegrationProvider> out = new ArrayList<>();
        for (Class<?> c : Scan.PROVIDERS) out.add(build(c, http, clock));
        out.sort(Comparator.comparing(p -> p.descriptor().id()));
        return out;
    }

    private static List<Class<?>> scan() {
        List<Class<?>> out = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hearth")) {
            if (!c.isAssignableTo(IntegrationProvider.class) || c.isInterface() || c.getModifiers().contains(JavaModifier.ABSTRACT)) continue;
            if (!c.isAnnotatedWith(Singleton.class) && !c.isAnnotatedWith(ApplicationScoped.class)) continue;
            out.add(c.reflect());
        }
        return List.copyOf(out);
    }

    /** The ids of the registered kinds that offer {@code capability}. */
    public static List<String> offering(Class<?> capability) {
        try (HttpStack http = Targets.stack()) {
            return all(http, Clock.systemUTC()).stream().filter(p -> p.descriptor().offers(capability)).map(p -> p.descriptor().id()).toList();
        }
    }

    public static IntegrationProvider byId(String id, HttpStack http, Clock clock) {
        return all(http, clock).stream().filter(p -> p.descriptor().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no registered integration '" + id + "'"));
    }

    private static IntegrationProvider build(Class<?> type, HttpStack http, Clock clock) {
        for (Constructor<?> k : type.getConstructors()) {
            Object[] args = new Object[k.getParameterCount()];
            boolean fits = true;
            for (int i = 0; i < args.length; i++) {
                Class<?> p = k.getParameterTypes()[i];
                if (p == HttpStack.class) args[i] = http;
                else if (p == Clock.class) args[i] = clock;
                else fits = false;
            }
            if (!fits) continue;
            try {
                return (IntegrationProvider) k.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot build " + type.getName(), e);
            }
        }
        throw new AssertionError(type.getName() + " needs more than the HTTP stack and the clock: teach RegisteredProviders to build it");
    }
}
