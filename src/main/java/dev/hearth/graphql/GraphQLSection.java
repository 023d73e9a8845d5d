package dev.hearth.graphql;

import dev.hearth.platform.config.ConfigSection;

/** Registers the {@code graphql} section of hearth.yml (META-INF/services). */
public final class GraphQLSection implements ConfigSection<GraphQLConfig> {
    @Override
    public String key() {
        return "graphql";
    }

    @Override
    public Class<GraphQLConfig> type() {
        return GraphQLConfig.class;
    }

    @Override
    public GraphQLConfig defaults() {
        return new GraphQLConfig(true);
    }
}
