package dev.hearth.services.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shapes the engine here cannot produce without a healthcheck-capable image. */
class EngineJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHealthStatusEventKeepsItsVerdictApartFromTheAction() throws Exception {
        DockerEvent event = EngineJson.event(JSON.readTree("""
                {"status":"health_status: unhealthy","id":"abc","from":"img","Type":"container",
                 "Action":"health_status: unhealthy",
                 "Actor":{"ID":"abc","Attributes":{"image":"img","name":"web","hearth.service":"web"}},
                 "scope":"local","time":1700000000,"timeNano":1700000000123456789}
                """));

        assertEquals("health_status", event.action());
        assertEquals("unhealthy", event.detail());
        assertEquals("web", event.name());
        assertNull(event.exitCode());
        assertEquals(Map.of("hearth.service", "web"), event.labels());
        assertEquals(Instant.ofEpochSecond(1700000000, 123456789), event.time());
    }

    @Test
    void healthIsReadFromTheListStatusAndFromInspect() throws Exception {
        assertEquals(ContainerHealth.HEALTHY, ContainerHealth.fromStatusText("Up 5 minutes (healthy)"));
        assertEquals(ContainerHealth.STARTING, ContainerHealth.fromStatusText("Up 3 seconds (health: starting)"));
        assertEquals(ContainerHealth.UNHEALTHY, ContainerHealth.fromStatusText("Up 2 hours (unhealthy)"));
        assertEquals(ContainerHealth.NONE, ContainerHealth.fromStatusText("Exited (0) 2 minutes ago"));

        ContainerDetails details = EngineJson.details(JSON.readTree("""
                {"Id":"abc","Name":"/web","RestartCount":2,
                 "State":{"Status":"running","Running":true,"Pid":42,"ExitCode":0,
                          "StartedAt":"2026-11-23T10:00:00.5Z","FinishedAt":"0001-01-01T00:00:00Z",
                          "Health":{"Status":"healthy","FailingStreak":0}},
                 "Config":{"Image":"nginx","Tty":false,"Labels":{"a":"b"}}}
                """));
        assertEquals(ContainerHealth.HEALTHY, details.health());
        assertEquals("web", details.name());
        assertEquals(2, details.restartCount());
        assertEquals(Instant.parse("2026-11-23T10:00:00.5Z"), details.startedAt());
        assertNull(details.finishedAt(), "Docker's year-1 'never' is null");
    }

    @Test
    void publishedPortsAreListedOnceEachAndExposedOnesAreLeftOut() throws Exception {
        ContainerSummary c = EngineJson.summary(JSON.readTree("""
                {"Id": "abc", "Names": ["/jellyfin"], "State": "running", "Status": "Up 1 minute",
                 "Ports": [{"IP": "0.0.0.0", "PrivatePort": 8096, "PublicPort": 8096, "Type": "tcp"},
                           {"IP": "::", "PrivatePort": 8096, "PublicPort": 8096, "Type": "tcp"},
                           {"PrivatePort": 1900, "Type": "udp"},
                           {"IP": "127.0.0.1", "PrivatePort": 7359, "PublicPort": 17359, "Type": "udp"}]}
                """));
        assertEquals(
                java.util.List.of(
                        new PublishedPort("0.0.0.0", 8096, 8096, "tcp"),
                        new PublishedPort("127.0.0.1", 17359, 7359, "udp")),
                c.ports());
    }
}
