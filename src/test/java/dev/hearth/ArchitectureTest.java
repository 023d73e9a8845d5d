package dev.hearth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hearth.platform.security.Allow;
import dev.hearth.platform.security.Public;
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
        noClasses()
                .that()
                .resideInAPackage("dev.hearth.platform..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "dev.hearth.platform..",
                        "java..",
                        "javax..",
                        "jakarta..",
                        "com.fasterxml..",
                        "io.quarkus..",
                        "io.vertx..",
                        "io.smallrye..",
                        "org.jboss..",
                        "org.eclipse.microprofile..",
                        "io.agroal..",
                        "org.flywaydb..",
                        "org.jspecify..")
                .check(HEARTH);
    }

    @Test
    void featuresKnowNoDoor() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "dev.hearth..api..",
                        "dev.hearth.web..",
                        "dev.hearth.graphql..",
                        "dev.hearth.cli..",
                        "dev.hearth.compat..")
                .and()
                .doNotHaveFullyQualifiedName("dev.hearth.Hearth")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.hearth..api..",
                        "dev.hearth.web..",
                        "dev.hearth.graphql..",
                        "dev.hearth.cli..",
                        "dev.hearth.compat..")
                .check(HEARTH);
    }

    @Test
    void aFeaturesInternalsStayInsideIt() {
        for (String feature : new String[] {
            "services",
            "downloads",
            "monitoring",
            "notify",
            "media",
            "assistant",
            "hub",
            "admin",
            "system",
            "backups",
            "minecraft",
            "plugins"
        }) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("dev.hearth." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("dev.hearth." + feature + "..internal..")
                    .allowEmptyShould(true)
                    .check(HEARTH);
        }
    }

    @Test
    void restEndpointsLiveInDoorPackagesAndDeclareTheirRole() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .resideOutsideOfPackages("dev.hearth..api..", "dev.hearth.web..", "dev.hearth.compat..")
                .check(HEARTH);
        methods()
                .that()
                .areAnnotatedWith(GET.class)
                .or()
                .areAnnotatedWith(POST.class)
                .or()
                .areAnnotatedWith(PUT.class)
                .or()
                .areAnnotatedWith(PATCH.class)
                .or()
                .areAnnotatedWith(DELETE.class)
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.hearth..")
                .and()
                .areNotAnnotatedWith(Public.class)
                .should()
                .beAnnotatedWith(Allow.class)
                .orShould()
                .beDeclaredInClassesThat()
                .areAnnotatedWith(Allow.class)
                .allowEmptyShould(true)
                .check(HEARTH);
    }

    /** Features depend on each other one way only (downloads uses services, never the reverse), doors included. */
    @Test
    void noCycleBetweenFeatures() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.hearth.(services|downloads|monitoring|notify|hub|system|media|assistant|mcp|admin)..")
                .should()
                .beFreeOfCycles()
                .check(HEARTH);
    }

    /** A door (REST, web socket, page) reaches data through a feature's service: never the database, never an upstream's client. */
    @Test
    void doorsTouchNeitherStorageNorUpstreamClients() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.hearth..api..", "dev.hearth.web..", "dev.hearth.compat..")
                // the liveness probe reports the platform's own readiness, the database's first of all
                .and()
                .doNotHaveFullyQualifiedName("dev.hearth.system.api.HealthResource")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.hearth.platform.storage..", "dev.hearth.platform.http..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(dev.hearth.platform.integration.Integration.class)
                .check(HEARTH);
    }

    /**
     * Every route that changes state goes through the action catalog, so it is role-checked and audited whatever the door.
     * A route may reach it through its own feature's code: the chat door's POST runs each action through the
     * assistant, MCP's POST through its server, and those call ActionCatalog.invoke.
     */
    @Test
    void everyMutatingRouteGoesThroughTheActionCatalog() {
        methods()
                .that()
                .areAnnotatedWith(POST.class)
                .or()
                .areAnnotatedWith(PUT.class)
                .or()
                .areAnnotatedWith(PATCH.class)
                .or()
                .areAnnotatedWith(DELETE.class)
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.hearth..")
                // logging in and out change a session, not Hearth: they are the gate's own business
                .and()
                .areDeclaredInClassesThat()
                .doNotHaveFullyQualifiedName("dev.hearth.system.api.AuthResource")
                // a ticket for the live socket is a read of who is asking, kept for a minute
                .and()
                .areDeclaredInClassesThat()
                .doNotHaveFullyQualifiedName("dev.hearth.web.live.TicketResource")
                // ending an MCP session is the protocol's logout: the caller's own session, not Hearth
                .and()
                .doNotHaveFullName("dev.hearth.mcp.api.McpResource.end(jakarta.ws.rs.core.HttpHeaders)")
                // the automation seed's chat door: like /api/v1/command, each action runs through the assistant, which
                // calls ActionCatalog.invoke with the caller's own role
                .and()
                .doNotHaveFullName("dev.hearth.compat.automation.AutomationResource.command(java.lang.String)")
                // only refuses: a JSON body sent where a file upload (multipart) is taken is told so, after the role
                // check
                .and()
                .doNotHaveFullName(
                        "dev.hearth.admin.api.RemoteAdminResource.uploadAsJson(com.fasterxml.jackson.databind.JsonNode)")
                .and()
                .doNotHaveFullName("dev.hearth.compat.moccha.MocchaAdminResource.uploadAsJson(java.lang.String)")
                .should(callTheActionCatalog())
                .check(HEARTH);
    }

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>
            callTheActionCatalog() {
        return new com.tngtech.archunit.lang.ArchCondition<>("call ActionCatalog.invoke") {
            @Override
            public void check(
                    com.tngtech.archunit.core.domain.JavaMethod method,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                boolean calls = reachesCatalog(method, feature(method.getOwner()), new java.util.HashSet<>());
                if (!calls) {
                    events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                            method, method.getFullName() + " changes state without ActionCatalog.invoke"));
                }
            }
        };
    }

    /** {@code dev.hearth.assistant.api.CommandResource} is of the feature {@code dev.hearth.assistant}. */
    private static String feature(com.tngtech.archunit.core.domain.JavaClass c) {
        String[] parts = c.getPackageName().split("\\.");
        return parts.length < 3 ? c.getPackageName() : parts[0] + "." + parts[1] + "." + parts[2];
    }

    /** The method, or a method of its own feature it calls (its own class's included), calls ActionCatalog.invoke. */
    private static boolean reachesCatalog(
            com.tngtech.archunit.core.domain.JavaCodeUnit unit, String feature, java.util.Set<String> seen) {
        if (!seen.add(unit.getFullName())) return false;
        for (var call : unit.getMethodCallsFromSelf()) {
            var target = call.getTarget();
            if (target.getOwner().isEquivalentTo(dev.hearth.actions.ActionCatalog.class)
                    && target.getName().equals("invoke")) return true;
            var owner = target.getOwner();
            if (owner.getPackageName().equals(feature) || owner.getPackageName().startsWith(feature + ".")) {
                for (var m : owner.getCodeUnits()) {
                    if (m.getName().equals(target.getName()) && reachesCatalog(m, feature, seen)) return true;
                }
            }
        }
        // a lambda body (a stream of events) is a synthetic method of the same class
        for (var m : unit.getOwner().getCodeUnits()) {
            if (m.getName().startsWith("lambda$" + unit.getName() + "$") && reachesCatalog(m, feature, seen))
                return true;
        }
        return false;
    }

    /**
     * Integration packages (a kind's client, its settings) are reached only through capabilities: outside its own
     * package, a kind is known to the registry (META-INF/services) and nothing else names it.
     */
    @Test
    void integrationPackagesAreReachedOnlyThroughCapabilities() {
        for (String kindPackage : new String[] {
            "dev.hearth.downloads.qbittorrent..",
            "dev.hearth.downloads.deluge..",
            "dev.hearth.downloads.transmission..",
            "dev.hearth.downloads.aria2..",
            "dev.hearth.hub.http..",
            "dev.hearth.notify.telegram..",
            "dev.hearth.notify.ntfy..",
            "dev.hearth.notify.gotify..",
            "dev.hearth.notify.discord..",
            "dev.hearth.notify.email..",
            "dev.hearth.notify.webhook..",
            "dev.hearth.notify.pushover..",
            "dev.hearth.notify.matrix..",
            "dev.hearth.media.plex..",
            "dev.hearth.media.jellyfin..",
            "dev.hearth.media.emby..",
            "dev.hearth.media.sonarr..",
            "dev.hearth.media.radarr..",
            "dev.hearth.media.prowlarr..",
            "dev.hearth.media.torznab..",
            "dev.hearth.media.overseerr..",
            "dev.hearth.media.tautulli.."
        }) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage(kindPackage)
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(kindPackage)
                    .because("a kind is registered by ServiceLoader and used through its capability")
                    .check(HEARTH);
        }
    }

    /** REST answers are records, not maps, so their fields are declared once and the OpenAPI document shows them. */
    @Test
    void restAnswersAreRecordsNotMaps() {
        methods()
                .that()
                .areAnnotatedWith(GET.class)
                .or()
                .areAnnotatedWith(POST.class)
                .or()
                .areAnnotatedWith(PUT.class)
                .or()
                .areAnnotatedWith(PATCH.class)
                .or()
                .areAnnotatedWith(DELETE.class)
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.hearth..")
                .should(new com.tngtech.archunit.lang.ArchCondition<>("not answer a Map") {
                    @Override
                    public void check(
                            com.tngtech.archunit.core.domain.JavaMethod m,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        String name = m.getOwner().getFullName() + "." + m.getName();
                        if (m.getRawReturnType().isAssignableTo(java.util.Map.class)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    m, name + " answers a Map; answer a record"));
                        }
                    }
                })
                .check(HEARTH);
    }

    /**
     * Routes that take a {@code limit} but keep a seed's own list shape, or belong to a package changed elsewhere this
     * round: Moccha's console history is a bare array as Moccha answers it; MLTB's task list already carries total,
     * limit, offset and has_more (the compat doors' wire never changes).
     */
    private static final java.util.Set<String> PAGING_ROUTES_WITH_THEIR_OWN_SHAPE = java.util.Set.of(
            "dev.hearth.compat.moccha.MocchaAdminResource.history", "dev.hearth.compat.mltb.MltbResource.tasks");

    /** A route that takes {@code limit} pages, and a page is one envelope: total, has_more, limit and offset (DESIGN.md). */
    @Test
    void everyRouteThatTakesALimitAnswersAPage() {
        methods()
                .that()
                .areAnnotatedWith(GET.class)
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.hearth..")
                .should(new com.tngtech.archunit.lang.ArchCondition<>("answer a Paged record when it takes a limit") {
                    @Override
                    public void check(
                            com.tngtech.archunit.core.domain.JavaMethod m,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        String name = m.getOwner().getFullName() + "." + m.getName();
                        boolean takesALimit = m.getParameters().stream()
                                .anyMatch(p -> p.isAnnotatedWith(jakarta.ws.rs.QueryParam.class)
                                        && p.getAnnotationOfType(jakarta.ws.rs.QueryParam.class)
                                                .value()
                                                .equals("limit"));
                        if (takesALimit
                                && !m.getRawReturnType().isAssignableTo(dev.hearth.platform.web.Paged.class)
                                && !PAGING_ROUTES_WITH_THEIR_OWN_SHAPE.contains(name)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                    m, name + " takes a limit but its answer is no Paged record"));
                        }
                    }
                })
                .check(HEARTH);
    }

    @Test
    void dependenciesAreInjectedThroughConstructorsNotFields() {
        fields().should().notBeAnnotatedWith(Inject.class).check(HEARTH);
    }
}
