package dev.hearth.platform.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import org.jboss.logging.Logger;

/** Failures raised by Vert.x itself (an over-long chunked body, a broken request) answer the error shape too. */
@Singleton
public class FailureHandler {
    private static final Logger LOG = Logger.getLogger(FailureHandler.class);
    private final Errors errors;

    public FailureHandler(Errors errors) {
        this.errors = errors;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            int status = rc.statusCode();
            if (status == 413) {
                errors.write(rc, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large", Map.of());
            } else if (status >= 400 && status < 500) {
                errors.write(rc, ErrorCode.INVALID_INPUT, "The request could not be read", Map.of());
            } else {
                if (rc.failure() != null) {
                    LOG.errorf(rc.failure(), "Request %s failed", Errors.requestId(rc));
                }
                errors.write(
                        rc,
                        ErrorCode.INTERNAL_ERROR,
                        "Something went wrong inside Hearth; the log has the details under this request id",
                        Map.of());
            }
        });
    }
}
