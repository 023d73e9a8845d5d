package dev.hearth.graphql;

import dev.hearth.platform.config.RestartRequired;

/**
 * The {@code graphql} section: the GraphQL door on or off. Read once at start: off, graphql-java never builds
 * the schema (see {@link SchemaOnlyWhenEnabled}), so a Hearth without GraphQL clients does not pay for it.
 */
@RestartRequired
public record GraphQLConfig(boolean enabled) {}
