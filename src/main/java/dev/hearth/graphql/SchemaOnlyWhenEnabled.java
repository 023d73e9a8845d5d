package dev.hearth.graphql;

import dev.hearth.platform.config.ConfigService;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Unremovable;
import io.smallrye.graphql.cdi.producer.GraphQLProducer;
import io.smallrye.graphql.schema.model.Schema;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.concurrent.SubmissionPublisher;
import org.jspecify.annotations.Nullable;

/**
 * Builds the GraphQL schema only when {@code graphql.enabled} is on. The extension builds it while Quarkus
 * initialises (its recorder asks the container for a {@link GraphQLProducer} and calls
 * {@link #initialize(Schema)}), with no setting of its own to skip it; this alternative is the bean the recorder
 * gets. Off, it answers no schema, so the extension mounts its "no endpoint" handler and graphql-java is not
 * loaded at all (classes, schema, execution strategies: the memory a Hearth without GraphQL clients saves); on,
 * it hands the work to the library's own producer bean, whose fields back the {@code ExecutionService} and
 * {@code GraphQLSchema} the extension's handlers look up, so nothing else changes.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@Unremovable // only the extension's recorder asks for it, by lookup; ArC would drop it as unused and keep the library's
public class SchemaOnlyWhenEnabled extends GraphQLProducer {
    private final ConfigService config;
    private final BeanManager beans;

    public SchemaOnlyWhenEnabled(ConfigService config, BeanManager beans) {
        this.config = config;
        this.beans = beans;
    }

    @Override
    public @Nullable GraphQLSchema initialize(Schema schema) {
        if (!config.current().section(GraphQLConfig.class).enabled()) return null;
        return library().initialize(schema);
    }

    @Override
    public void setTraficPublisher(SubmissionPublisher<String> publisher) {
        library().setTraficPublisher(publisher);
    }

    /** The library's producer bean itself (this alternative hides it from ordinary lookups). */
    private GraphQLProducer library() {
        for (Bean<?> bean : beans.getBeans(GraphQLProducer.class)) {
            if (bean.getBeanClass() == GraphQLProducer.class) {
                return (GraphQLProducer)
                        beans.getReference(bean, GraphQLProducer.class, beans.createCreationalContext(bean));
            }
        }
        throw new IllegalStateException("SmallRye GraphQL's producer bean is missing");
    }
}
