package dev.hearth.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real {@link DockerEngine}, injected as a parameter of test methods, constructors or
 * lifecycle methods.
 *
 * <ul>
 *   <li>{@code @ExtendWith(DockerEngineHarness.class)}: one engine shared by every class of the JVM run
 *       (starting dockerd and importing the image costs about a second), stopped when the run ends.
 *       Tests sharing it must leave it running and clean up their containers.</li>
 *   <li>{@code @RegisterExtension static DockerEngineHarness docker = DockerEngineHarness.perClass();}:
 *       an engine of the class's own, for tests that stop or restart it.</li>
 * </ul>
 * If dockerd cannot start the test fails with dockerd's own log; nothing is skipped.
 */
public final class DockerEngineHarness implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerEngineHarness.class);
    private static final String SHARED = "shared-engine";
    private static final String OWN = "class-engine";

    private final boolean perClass;

    /** The shared engine (what {@code @ExtendWith} creates). */
    public DockerEngineHarness() {
        this(false);
    }

    private DockerEngineHarness(boolean perClass) {
        this.perClass = perClass;
    }

    public static DockerEngineHarness perClass() {
        return new DockerEngineHarness(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engine(context); // start it now, so its startup is not charged to the first test
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            DockerEngine own = context.getStore(NAMESPACE).remove(OWN, DockerEngine.class);
            if (own != null) {
                own.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DockerEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return engine(context);
    }

    /** The engine for this context, started on first use. */
    public DockerEngine engine(ExtensionContext context) {
        if (perClass) {
            ExtensionContext classContext = classContext(context);
            return classContext.getStore(NAMESPACE).computeIfAbsent(OWN, k -> DockerEngine.start(), DockerEngine.class);
        }
        // The root store outlives every class and closes its AutoCloseable values when the run ends.
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(SHARED, k -> DockerEngine.start(), DockerEngine.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
