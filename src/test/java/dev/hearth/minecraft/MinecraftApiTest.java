package dev.hearth.minecraft;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hearth.testing.Api;
import dev.hearth.testing.MinecraftPeer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Minecraft API on a running Hearth: the seed's create call and answer, the container spec as the real engine
 * holds it, status by Server List Ping and commands by RCON against the node peer, the lifecycle by role, and the
 * DNS-only record that Cloudflare's double receives.
 */
@QuarkusTest
@TestProfile(MinecraftApiTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class MinecraftApiTest {
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MinecraftWorld.class));
        }
    }

    static String containerId;

    @BeforeAll
    static void freshKeys() {
        Api.reset();
    }

    public static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("Config").path("Env")) {
            if (e.asText().startsWith(name + "=")) return e.asText().substring(name.length() + 1);
        }
        return null;
    }

    @Test
    @Order(1)
    void theSeedsCreateCallMakesAContainerOfTheItzgImageWithItsWorldVolumePortsAndRestartPolicy() throws Exception {
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "SurvivalWorld"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(403);
        containerId = Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "SurvivalWorld",
                        "memory",
                        "4G",
                        "version",
                        "1.20.4",
                        "type",
                        "PAPER",
                        "publish_dns",
                        true))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(201)
                .body("status", equalTo("success"))
                .body("server.name", equalTo("SurvivalWorld"))
                .body("server.url", equalTo("survivalworld.example.org:" + MinecraftWorld.firstPort))
                .body("dns.through_tunnel", equalTo(false))
                .body(
                        "dns.message",
                        startsWith("Minecraft is not served through a Cloudflare tunnel for ordinary players"))
                .body("dns.record.name", equalTo("_minecraft._tcp.survivalworld.example.org"))
                .extract()
                .path("server.container_id");

        JsonNode c = MinecraftWorld.inspect("/containers/" + containerId + "/json");
        assertEquals(MinecraftWorld.IMAGE, c.path("Config").path("Image").asText());
        assertEquals("TRUE", env(c, "EULA"));
        assertEquals("PAPER", env(c, "TYPE"));
        assertEquals("1.20.4", env(c, "VERSION"));
        assertEquals("4G", env(c, "MEMORY"));
        assertEquals("true", env(c, "ENABLE_RCON"));
        assertTrue(env(c, "RCON_PASSWORD").length() >= 32, "a password of Hearth's own making");
        JsonNode ports = c.path("HostConfig").path("PortBindings");
        assertEquals(
                String.valueOf(MinecraftWorld.firstPort),
                ports.path("25565/tcp").path(0).path("HostPort").asText());
        assertEquals("", ports.path("25565/tcp").path(0).path("HostIp").asText(), "the game port is for players");
        assertEquals(
                String.valueOf(MinecraftWorld.firstRconPort),
                ports.path("25575/tcp").path(0).path("HostPort").asText());
        assertEquals(
                "127.0.0.1", ports.path("25575/tcp").path(0).path("HostIp").asText(), "RCON stays on this machine");
        assertEquals(
                "unless-stopped",
                c.path("HostConfig").path("RestartPolicy").path("Name").asText());
        JsonNode mount = c.path("Mounts").path(0);
        assertEquals("volume", mount.path("Type").asText());
        assertEquals("hearth-mc-survivalworld-world", mount.path("Name").asText());
        assertEquals("/data", mount.path("Destination").asText());
        assertTrue(c.path("State").path("Running").asBoolean());

        JsonNode srv = MinecraftWorld.cloudflare.records().stream()
                .filter(r -> r.path("type").asText().equals("SRV"))
                .findFirst()
                .orElseThrow();
        assertEquals(MinecraftWorld.firstPort, srv.path("data").path("port").asInt());
        assertEquals("home.example.org", srv.path("data").path("target").asText());
        assertFalse(srv.path("proxied").asBoolean());
    }

    @Test
    @Order(2)
    void theListShowsPlayersAndVersionByServerListPingAndOperatorsSendRconCommands() throws Exception {
        String password = env(MinecraftWorld.inspect("/containers/" + containerId + "/json"), "RCON_PASSWORD");
        try (MinecraftPeer peer = MinecraftPeer.start(
                MinecraftWorld.firstPort, MinecraftWorld.firstRconPort, password, "1.20.4", "SurvivalWorld", 3, 20)) {
            Api.as("viewer")
                    .get("/api/v1/minecraft")
                    .then()
                    .statusCode(200)
                    .body("servers[0].name", equalTo("SurvivalWorld"))
                    .body("servers[0].state", equalTo("running"))
                    .body("servers[0].status.players_online", equalTo(3))
                    .body("servers[0].status.players_max", equalTo(20))
                    .body("servers[0].status.version", equalTo("1.20.4"));
            Api.as("viewer")
                    .get("/api/v1/minecraft/SurvivalWorld/players")
                    .then()
                    .statusCode(200)
                    .body("answer", containsString("Alex, Steve"));
            Api.as("viewer")
                    .contentType(ContentType.JSON)
                    .body(Map.of("message", "hi"))
                    .post("/api/v1/minecraft/SurvivalWorld/say")
                    .then()
                    .statusCode(403);
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("message", "Backup in 5 minutes"))
                    .post("/api/v1/minecraft/SurvivalWorld/say")
                    .then()
                    .statusCode(200);
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("op", "add", "player", "Notch"))
                    .post("/api/v1/minecraft/SurvivalWorld/whitelist")
                    .then()
                    .statusCode(200)
                    .body("answer", equalTo("Added Notch to the whitelist"));
            Api.as("operator")
                    .contentType(ContentType.JSON)
                    .body(Map.of("op", "add", "player", "x; op me"))
                    .post("/api/v1/minecraft/SurvivalWorld/whitelist")
                    .then()
                    .statusCode(400)
                    .body("error.details.field", equalTo("player"));
            Api.as("operator")
                    .post("/api/v1/minecraft/SurvivalWorld/save")
                    .then()
                    .statusCode(200)
                    .body("answer", containsString("Saved the game"));
            assertEquals(
                    List.of("list", "say Backup in 5 minutes", "whitelist add Notch", "save-all"),
                    new ArrayList<>(peer.commands));
        }
        Api.as("viewer")
                .get("/api/v1/minecraft")
                .then()
                .statusCode(200)
                .body("servers[0].status", equalTo(null))
                .body("servers[0].status_error", containsString("no answer to a Server List Ping"));
    }

    @Test
    @Order(3)
    void operatorsStopAndStartAndOnlyTheAdminRemovesKeepingTheWorldUnlessAsked() throws Exception {
        Api.as("operator")
                .post("/api/v1/minecraft/SurvivalWorld/stop")
                .then()
                .statusCode(200)
                .body("state", equalTo("exited"));
        Api.as("operator")
                .post("/api/v1/minecraft/SurvivalWorld/start")
                .then()
                .statusCode(200)
                .body("state", equalTo("running"));
        Api.as("operator").delete("/api/v1/minecraft/SurvivalWorld").then().statusCode(403);
        Api.admin()
                .delete("/api/v1/minecraft/SurvivalWorld")
                .then()
                .statusCode(200)
                .body("world_deleted", equalTo(false));
        assertEquals(
                "hearth-mc-survivalworld-world",
                MinecraftWorld.inspect("/volumes/hearth-mc-survivalworld-world")
                        .path("Name")
                        .asText(),
                "the world outlives its server");
        Api.admin().get("/api/v1/minecraft/SurvivalWorld").then().statusCode(404);

        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Creative"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(201)
                .body("server.port", equalTo(MinecraftWorld.firstPort));
        Api.admin()
                .delete("/api/v1/minecraft/Creative?delete_world=true")
                .then()
                .statusCode(200)
                .body("world_deleted", equalTo(true));
        assertTrue(MinecraftWorld.inspect("/volumes/hearth-mc-creative-world")
                .path("message")
                .asText()
                .contains("no such volume"));
    }

    @Test
    @Order(4)
    void badRequestsAreNamedAndASecondServerGetsTheNextPorts() {
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Big", "memory", "64G"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("memory"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Odd", "type", "BEDROCK"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(400)
                .body("error.details.field", equalTo("type"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "One"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(201);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Two"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(201)
                .body("server.port", equalTo(MinecraftWorld.firstPort + 1))
                .body("server.rcon_port", equalTo(MinecraftWorld.firstRconPort + 1));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "one"))
                .post("/api/v1/minecraft/create")
                .then()
                .statusCode(409);
    }

    @Test
    @Order(5)
    void theTunnelCarriesWebServicesButRefusesMinecraftOfferingAPlainRecord() {
        Api.as("viewer").get("/api/v1/dns/tunnel").then().statusCode(200).body("tunnel.status", equalTo("healthy"));
        Api.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("hostname", "jellyfin", "origin", "http://127.0.0.1:8096"))
                .post("/api/v1/dns/expose")
                .then()
                .statusCode(403);
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("hostname", "jellyfin", "origin", "http://127.0.0.1:8096"))
                .post("/api/v1/dns/expose")
                .then()
                .statusCode(201)
                .body("record.proxied", equalTo(true))
                .body("ingress", equalTo("added"));
        Api.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("hostname", "mc", "origin", "tcp://127.0.0.1:25565"))
                .post("/api/v1/dns/expose")
                .then()
                .statusCode(400)
                .body("error.message", startsWith("Minecraft is not served through a Cloudflare tunnel"))
                .body("error.details.offer[0].params.type", equalTo("SRV"));
        Api.as("viewer")
                .get("/api/v1/dns/records")
                .then()
                .statusCode(200)
                .body("records.find { it.name == 'jellyfin.example.org' }.type", equalTo("CNAME"));
        Api.admin()
                .delete("/api/v1/dns/expose/jellyfin")
                .then()
                .statusCode(200)
                .body("ingress_rule_removed", equalTo(true));
    }
}
