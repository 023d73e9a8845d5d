package dev.hearth.graphql;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hearth.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MLTB's GraphQL queries and mutations at /graphql, with the fields its document shows, the REST roles and errors. */
@QuarkusTest
class GraphQLApiTest {
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*";

    static ValidatableResponse graphql(RequestSpecification as, String query) {
        return as.contentType(ContentType.JSON)
                .body(Map.of("query", query))
                .post("/graphql")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }

    @Test
    void statusHasTheSeedsFieldsAndTypes() {
        graphql(Api.as("viewer"), """
                        { status { version uptime activeTasks totalDownloads totalUploads memoryUsage cpuUsage timestamp } }""")
                .body("errors", nullValue())
                .body("data.status.version", notNullValue())
                .body("data.status.uptime", instanceOf(String.class))
                .body("data.status.activeTasks", greaterThanOrEqualTo(0))
                .body("data.status.totalDownloads", greaterThanOrEqualTo(0))
                .body("data.status.totalUploads", equalTo(0))
                .body("data.status.memoryUsage", matchesPattern("\\d{1,3}%"))
                .body("data.status.cpuUsage", matchesPattern("\\d{1,3}%"))
                .body("data.status.timestamp", matchesPattern(ISO));
    }

    @Test
    void loggerStatsCountsHearthsOwnLog() {
        graphql(Api.as("viewer"), """
                        { loggerStats { totalLogs errorCount warningCount infoCount criticalCount recentErrors logFileSize } }""")
                .body("errors", nullValue())
                // the application logged its start: there are info lines
                .body("data.loggerStats.totalLogs", greaterThan(0))
                .body("data.loggerStats.infoCount", greaterThan(0))
                .body("data.loggerStats.errorCount", greaterThanOrEqualTo(0))
                .body("data.loggerStats.warningCount", greaterThanOrEqualTo(0))
                .body("data.loggerStats.criticalCount", equalTo(0))
                .body("data.loggerStats.recentErrors", instanceOf(List.class))
                .body("data.loggerStats.logFileSize", matchesPattern("\\d+(\\.\\d)? (B|KB|MB|GB)"));
    }

    @Test
    void triggerAlertRaisesAnAlertThatTheSummaryAndTheListShow() {
        String message = "High memory usage detected " + System.nanoTime();
        graphql(Api.as("operator"), """
                        mutation { triggerAlert(level: "warning", message: "%s") { success message } }""".formatted(message))
                .body("errors", nullValue())
                .body("data.triggerAlert.success", equalTo(true))
                .body("data.triggerAlert.message", containsString("Alert raised"));
        graphql(Api.as("viewer"), """
                        { alertSummary { totalAlerts criticalAlerts warningAlerts infoAlerts
                                         recentAlerts { level message timestamp } subscribers } }""")
                .body("errors", nullValue())
                .body("data.alertSummary.totalAlerts", greaterThan(0))
                .body("data.alertSummary.warningAlerts", greaterThan(0))
                .body("data.alertSummary.criticalAlerts", greaterThanOrEqualTo(0))
                .body("data.alertSummary.infoAlerts", greaterThanOrEqualTo(0))
                .body("data.alertSummary.subscribers", greaterThanOrEqualTo(0))
                .body("data.alertSummary.recentAlerts.message", hasItem(message))
                .body("data.alertSummary.recentAlerts.level", everyItem(notNullValue()))
                .body("data.alertSummary.recentAlerts.timestamp", everyItem(matchesPattern(ISO)));
        graphql(Api.as("viewer"), "{ alerts(level: \"warning\") { total hasMore alerts { id level message state } } }")
                .body("errors", nullValue())
                .body("data.alerts.alerts.message", hasItem(message))
                .body("data.alerts.alerts.level", everyItem(equalTo("warning")));
    }

    @Test
    void aViewerCannotRunAMutatingActionAndTheCodeSaysSo() {
        graphql(Api.as("viewer"), "mutation { triggerAlert(level: \"info\", message: \"not allowed\") { success } }")
                .body("data", nullValue())
                .body("errors[0].message", containsString("operator"))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(
                        Api.as("viewer"),
                        "mutation { runAction(name: \"alerts.raise\", params: \"{\\\"level\\\": \\\"info\\\", \\\"message\\\": \\\"x\\\"}\") { success } }")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(Api.as("viewer"), "{ alertSummary { recentAlerts { message } } }")
                .body("data.alertSummary.recentAlerts.message", org.hamcrest.Matchers.not(hasItem("not allowed")))
                .body("data.alertSummary.recentAlerts.message", org.hamcrest.Matchers.not(hasItem("x")));
    }

    @Test
    void withoutCredentialsGraphqlIsRefusedInHearthsErrorShape() {
        Api.anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("query", "{ status { version } }"))
                .post("/graphql")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void runActionReachesEveryCatalogActionWithItsRole() {
        // the catalog as GraphQL lists it: every action with its role
        List<String> names = graphql(
                        Api.as("viewer"), "{ actions { name role destructive params { name type required } } }")
                .body("errors", nullValue())
                .body("data.actions.name", hasItem("services.restart"))
                .body("data.actions.name", hasItem("alerts.raise"))
                .extract()
                .path("data.actions.name");
        assertTrue(names.size() > 20, "every catalog action is listed: " + names);
        String message = "raised through runAction " + System.nanoTime();
        graphql(
                        Api.as("operator"),
                        "mutation { runAction(name: \"alerts.raise\", params: \"{\\\"level\\\": \\\"info\\\", \\\"message\\\": \\\"%s\\\"}\") { success message action result } }"
                                .formatted(message))
                .body("errors", nullValue())
                .body("data.runAction.success", equalTo(true))
                .body("data.runAction.action", equalTo("alerts.raise"))
                .body("data.runAction.result", containsString(message));
        graphql(Api.as("admin"), "mutation { runAction(name: \"no.such_action\") { success } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        graphql(Api.as("admin"), "mutation { runAction(name: \"alerts.raise\", params: \"[1]\") { success } }")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void restartServiceGoesThroughServicesRestart() {
        graphql(Api.as("operator"), "mutation { restartService(service: \"celery_worker\") { success message } }")
                .body("data", nullValue())
                .body("errors[0].message", containsString("celery_worker"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        graphql(Api.as("viewer"), "mutation { restartService(service: \"celery_worker\") { success message } }")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void taskStatusOfAnUnknownTaskIsNotFound() {
        graphql(Api.as("viewer"), """
                        { taskStatus(taskId: "task_123456") { id type status progress speed eta size filename startTime } }""")
                .body("data", nullValue())
                .body("errors[0].message", containsString("task_123456"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void downloadStatsServicesTasksAndMetricsAnswer() {
        graphql(Api.as("viewer"), """
                        { downloadStats { todayDownloads todayUploads totalBandwidth averageSpeed
                                          topDownloaders { userId username downloadCount totalSize } }
                          services { name status health }
                          tasks(status: "active", category: "movies") { total page tasks { id } }
                          metrics { timestamp cpuUsage memoryUsage diskUsage networkIn networkOut } }""")
                .body("errors", nullValue())
                .body("data.downloadStats.todayDownloads", greaterThanOrEqualTo(0))
                .body("data.downloadStats.todayUploads", equalTo(0))
                .body("data.downloadStats.totalBandwidth", matchesPattern(".* (B|KB|MB|GB)/s"))
                .body("data.downloadStats.averageSpeed", matchesPattern(".* (B|KB|MB|GB)/s"))
                .body("data.downloadStats.topDownloaders", instanceOf(List.class))
                .body("data.services", instanceOf(List.class))
                .body("data.tasks.total", equalTo(0))
                .body("data.tasks.page", equalTo(1))
                .body("data.metrics.timestamp", matchesPattern(ISO))
                .body("data.metrics.cpuUsage", greaterThanOrEqualTo(0f))
                .body("data.metrics.diskUsage", greaterThan(0f));
        graphql(Api.as("viewer"), "{ tasks(status: \"sideways\") { total } }")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefused() {
        // introspection nests as deep as a client likes: the depth limit (8) stops it before it runs
        String deep =
                "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }";
        // twice: the second run gets the cached document, whose verdict must still be a refusal
        for (int run = 0; run < 2; run++) {
            graphql(Api.as("viewer"), deep)
                    .body("data", nullValue())
                    .body("errors[0].message", containsString("depth"));
            graphql(Api.as("viewer"), "{ status { version } }").body("errors", nullValue());
        }
    }

    @Test
    void createBackupMakesOneThatTheBackupsQueryListsInMltbsFields() {
        graphql(Api.as("operator"), """
                        mutation { createBackup(description: "Manual backup before update", backupName: "pre_update_backup") {
                          success message filename } }""")
                .body("errors", nullValue())
                .body("data.createBackup.success", equalTo(true))
                .body("data.createBackup.filename", matchesPattern("pre_update_backup_\\d{8}_\\d{6}\\.tar\\.gz"));
        graphql(Api.as("viewer"), "{ backups { filename size timestamp description status } }")
                .body("errors", nullValue())
                .body("data.backups.description", hasItem("Manual backup before update"))
                .body("data.backups.size", everyItem(matchesPattern("\\d+(\\.\\d)? (B|KB|MB|GB)")))
                .body("data.backups.timestamp", everyItem(matchesPattern(ISO)))
                .body("data.backups.status", hasItem("completed"));
        graphql(Api.as("viewer"), "mutation { createBackup(backupName: \"nope\") { success } }")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void pluginsTogglePluginAndClearCacheKeepTheirActionsRoles() {
        graphql(Api.as("viewer"), "{ plugins { name version enabled description author hooks } }")
                .body("errors", nullValue())
                .body("data.plugins", instanceOf(List.class));
        graphql(
                        Api.as("admin"),
                        "mutation { togglePlugin(pluginName: \"custom_notifier\", enabled: true) { success message } }")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        graphql(
                        Api.as("operator"),
                        "mutation { togglePlugin(pluginName: \"custom_notifier\", enabled: true) { success } }")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        graphql(Api.as("admin"), "mutation { clearCache { success message clearedItems } }")
                .body("errors", nullValue())
                .body("data.clearCache.success", equalTo(true))
                .body("data.clearCache.message", containsString("service-health"))
                .body("data.clearCache.clearedItems", greaterThanOrEqualTo(0));
        graphql(Api.as("operator"), "mutation { clearCache { success } }")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void theSchemaUsesMltbsNames() {
        String sdl = Api.as("viewer")
                .get("/graphql/schema.graphql")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String name : List.of(
                "status",
                "loggerStats",
                "alertSummary",
                "taskStatus(taskId: String!)",
                "downloadStats",
                "triggerAlert(",
                "restartService(",
                "runAction(",
                "backups",
                "plugins",
                "createBackup(",
                "togglePlugin(",
                "clearCache",
                "taskProgress(taskId: String!)",
                "systemMetrics")) {
            assertTrue(sdl.contains(name), name + " in the schema:\n" + sdl);
        }
    }

    @Test
    void graphiqlIsServedToASignedInBrowserOnly() {
        Api.anonymous()
                .accept("text/html")
                .get("/graphql")
                .then()
                .statusCode(302)
                .header("Location", containsString("/login"));
        String ui = Api.as("viewer")
                .accept("text/html")
                .get("/graphql")
                .then()
                .statusCode(302)
                .extract()
                .header("Location");
        Api.anonymous().accept("text/html").get(ui).then().statusCode(302).header("Location", containsString("/login"));
        String page = Api.as("viewer")
                .accept("text/html")
                .get(ui)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.toLowerCase().contains("graphiql"), page);
    }

    @Test
    void theSchemaIsBuiltWhenOn() {
        // graphql.enabled is on by default: SchemaOnlyWhenEnabled handed the build to the library's producer
        org.junit.jupiter.api.Assertions.assertNotNull(io.quarkus.arc.Arc.container()
                .instance(graphql.schema.GraphQLSchema.class)
                .get());
    }
}
