package dev.hearth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hearth.platform.security.Allow;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency rule, kept true by the build. */
class ArchitectureTest {
    private static final JavaClasses HEARTH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hearth");

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses().that().resideInAPackage("dev.hearth.platform..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.hearth.platform..", "java..", "javax..", "jakarta..",
                        "com.fasterxml..", "io.quarkus..", "io.vertx..", "io.smallrye..", "org.jboss..", "org.eclipse.microprofile..",
                        "io.agroal..", "org.flywaydb..", "org.jspecify..")
                .check(HEARTH);
    }

    @Test
    void featuresKnowNoDoor() {
        noClasses().that().resideOutsideOfPackages("dev.hearth..api..", "dev.hearth.web..", "dev.hearth.graphql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hearth..api..", "dev.hearth.web..", "dev.hearth.graphql..")
                .check(HEARTH);
    }

    @Test
    void aFeaturesInternalsStayInsideIt() {
        for (String feature : new String[] {"services", "downloads", "monitoring", "notify", "media", "assistant", "hub", "backups", "minecraft"}) {
            noClasses().that().resideOutsideOfPackage("dev.hearth." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.hearth." + feature + "..internal..")
                    .allowEmptyShould(true)
                    .check(HEARTH);
        }
    }

    @Test
    void restEndpointsLiveInDoorPackagesAndDeclareTheirRole() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().resideOutsideOfPackages("dev.hearth..api..", "dev.hearth.web..")
                .check(HEARTH);
        methods().that().areAnnotatedWith(GET.class).or().areAnnotatedWith(POST.class).or().areAnnotatedWith(PUT.class)
                .or().areAnnotatedWith(PATCH.class).or().areAnnotatedWith(DELETE.class)
                .and().areDeclaredInClassesThat().resideInAPackage("dev.hearth..")
                .and().areDeclaredInClassesThat().doNotHaveFullyQualifiedName("dev.hearth.system.api.HealthResource")
                .and().doNotHaveFullName("dev.hearth.system.api.AuthResource.login(dev.hearth.system.api.AuthResource$Login, io.vertx.core.http.HttpServerRequest)")
                .and().doNotHaveFullName("dev.hearth.web.Pages.login()")
                .should().beAnnotatedWith(Allow.class).orShould().beDeclaredInClassesThat().areAnnotatedWith(Allow.class)
                .allowEmptyShould(true)
                .check(HEARTH);
    }

    @Test
    void dependenciesAreInjectedThroughConstructorsNotFields() {
        fields().should().notBeAnnotatedWith(Inject.class).check(HEARTH);
    }
}
