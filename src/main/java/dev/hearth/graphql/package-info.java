/**
 * The GraphQL door at {@code /graphql}: MLTB's schema with its camelCase names. Resolvers read through the
 * feature services and change state only through the action catalog, with the REST routes' roles.
 */
@NullMarked
package dev.hearth.graphql;

import org.jspecify.annotations.NullMarked;
