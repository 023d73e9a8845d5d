package dev.hearth.graphql;

import dev.hearth.platform.web.ApiException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Hearth's error for a GraphQL client: the {@link ApiException}'s message, and its code and details in
 * {@code extensions.code} and {@code extensions.details}. graphql-java copies a thrown {@link GraphQLError}'s
 * extensions after the library's own, so the code is Hearth's ({@code NOT_FOUND}), not the exception's class
 * name that the library writes under the same key.
 */
public final class GraphError extends RuntimeException implements GraphQLError {
    private final Map<String, Object> extensions;

    private GraphError(ApiException cause) {
        super(cause.getMessage(), cause, false, false);
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", cause.code().name());
        if (!cause.details().isEmpty()) ext.put("details", cause.details());
        this.extensions = Map.copyOf(ext);
    }

    /** Runs a resolver's body; Hearth's errors leave it as GraphQL errors with their codes. */
    static <T> T guard(Supplier<T> body) {
        try {
            return body.get();
        } catch (ApiException e) {
            throw of(e);
        }
    }

    static GraphError of(ApiException e) {
        return new GraphError(e);
    }

    @Override
    public @Nullable List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return graphql.ErrorType.DataFetchingException;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
