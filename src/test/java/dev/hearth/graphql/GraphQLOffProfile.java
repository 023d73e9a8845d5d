package dev.hearth.graphql;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A Hearth with {@code graphql.enabled: false}. */
public class GraphQLOffProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hearth.graphql.enabled", "false");
    }
}
