package dev.hearth.graphql;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The depth and complexity limits ({@code quarkus.smallrye-graphql.instrumentation-query-*}), checked once per
 * parsed document rather than on every request. The library checks both with a full walk of the query before each
 * execution, a seventh of a small query's time and a fifth of what it allocates (docs/benchmarks.md), although the
 * parsed document is cached and the answer cannot change: the same document, operation and variables give the same
 * depth and complexity. So the library's own two checks still decide, with their own messages, but only the first
 * time a (document, operation, variables) is run; later runs of the cached document skip them. Keyed by the
 * document object the query cache hands out (held weakly: a document the cache drops takes its verdicts with it).
 *
 * <p>Registered with SmallRye GraphQL's event SPI (META-INF/services), which lets it replace the instrumentation just
 * before the engine is built; without a configured limit it changes nothing.
 */
public final class LimitsOncePerDocument implements EventingService {
    /** Distinct operations and variable sets remembered per document; a client varying variables freely is checked every time past it. */
    private static final int PER_DOCUMENT = 32;

    @Override
    public @Nullable String getConfigKey() {
        return null; // always on: it only takes over limits that are configured
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Config config = Config.get();
        var depth = config.getQueryDepthInstrumentation();
        var complexity = config.getQueryComplexityInstrumentation();
        if (depth.isEmpty() || complexity.isEmpty()) return builder;
        return builder.instrumentation(new Checks(
                new MaxQueryDepthInstrumentation(depth.get()),
                new MaxQueryComplexityInstrumentation(complexity.get())));
    }

    private record Passed(@Nullable String operation, Map<String, Object> variables) {}

    private static final class Checks extends SimplePerformantInstrumentation {
        private final MaxQueryDepthInstrumentation depth;
        private final MaxQueryComplexityInstrumentation complexity;
        private final Map<Document, Set<Passed>> passed = Collections.synchronizedMap(new WeakHashMap<>());

        Checks(MaxQueryDepthInstrumentation depth, MaxQueryComplexityInstrumentation complexity) {
            this.depth = depth;
            this.complexity = complexity;
        }

        @Override
        public @Nullable CompletableFuture<InstrumentationState> createStateAsync(
                InstrumentationCreateStateParameters parameters) {
            return complexity.createStateAsync(parameters);
        }

        @Override
        public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
                InstrumentationValidationParameters parameters, InstrumentationState state) {
            return complexity.beginValidation(parameters, state);
        }

        @Override
        public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            var op = execution.getOperationDefinition();
            Passed key = new Passed(
                    op == null ? null : op.getName(),
                    execution.getCoercedVariables().toMap());
            Set<Passed> known = passed.computeIfAbsent(execution.getDocument(), d -> ConcurrentHashMap.newKeySet());
            if (known.contains(key)) return SimpleInstrumentationContext.noOp();
            // each throws the library's AbortExecutionException ("maximum query depth exceeded 9 > 8") when over
            depth.beginExecuteOperation(parameters, state);
            complexity.beginExecuteOperation(parameters, state);
            if (known.size() < PER_DOCUMENT) known.add(key);
            return SimpleInstrumentationContext.noOp();
        }
    }
}
