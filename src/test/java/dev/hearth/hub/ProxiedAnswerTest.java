package dev.hearth.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hearth.hub.proxy.ProxyOutcome;
import org.junit.jupiter.api.Test;

/**
 * The proxy's answer keeps the service's JSON as written through every door: REST writes the record, MCP and the
 * assistant turn it into a tree first and write that.
 */
class ProxiedAnswerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRITTEN = "{\"price\": 1.10, \"big\": 123456789012345678901234567890}";

    @Test
    void theServicesJsonIsWrittenAsItCameDirectlyAndThroughATree() throws Exception {
        HubAnswers.Proxied answer =
                HubAnswers.Proxied.of(new ProxyOutcome.Answered(200, WRITTEN, "application/json", false));
        String direct = JSON.writeValueAsString(answer);
        assertTrue(direct.contains("\"data\":" + WRITTEN), direct);
        JsonNode tree = JSON.valueToTree(answer);
        String throughTree = JSON.writeValueAsString(tree);
        assertTrue(throughTree.contains("\"data\":" + WRITTEN), throughTree);
        assertEquals(true, JSON.readTree(throughTree).get("success").asBoolean());
    }

    @Test
    void noBodyIsDataNullAndARefusalHasNoData() throws Exception {
        String empty =
                JSON.writeValueAsString(HubAnswers.Proxied.of(new ProxyOutcome.Answered(204, null, null, false)));
        assertTrue(empty.contains("\"data\":null"), empty);
        String refused = JSON.writeValueAsString(HubAnswers.Proxied.of(new ProxyOutcome.Refused(
                dev.hearth.hub.proxy.ProxyRefused.Reason.INVALID_PATH, "the path leaves the service's base URL")));
        assertTrue(!refused.contains("\"data\"") && refused.contains("invalid_path"), refused);
    }
}
