package dev.hearth.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure inside JAX-RS becomes the one error shape. Stack traces go to the log under the request
 * id, never into an answer.
 */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, RoutingContext rc) {
        return respond(rc, e.code(), String.valueOf(e.getMessage()), e.details());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, RoutingContext rc) {
        return respond(rc, ErrorCode.INVALID_INPUT, describe(e), fieldOf(e));
    }

    // Quarkus brings mappers of its own for these subtypes (an empty 400); more specific ones of ours win.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, RoutingContext rc) {
        return json(e, rc);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, RoutingContext rc) {
        return json(e, rc);
    }

    @ServerExceptionMapper
    public Response badFormat(InvalidFormatException e, RoutingContext rc) {
        return json(e, rc);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, RoutingContext rc) {
        return json(e, rc);
    }

    @ServerExceptionMapper
    public Response badValue(ValueInstantiationException e, RoutingContext rc) {
        return json(e, rc);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext rc) {
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, rc);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String route = rc.request().method() + " " + rc.normalizedPath();
        if (e instanceof NotFoundException) {
            return respond(
                    rc,
                    ErrorCode.NOT_FOUND,
                    "No such route: " + route,
                    Map.of("documentation", "/api/v1/openapi.json"));
        }
        if (e instanceof NotAllowedException na) {
            String allowed =
                    na.getResponse().getAllowedMethods().stream().sorted().collect(Collectors.joining(", "));
            return respond(
                    rc,
                    ErrorCode.METHOD_NOT_ALLOWED,
                    "Method not allowed: " + route,
                    allowed.isEmpty() ? Map.of("documentation", "/api/v1/openapi.json") : Map.of("allowed", allowed));
        }
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.INVALID_INPUT;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 406, 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_INPUT;
        };
        String message = switch (code) {
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type for " + route + ": send application/json";
            case INVALID_INPUT -> "Invalid request: " + (e.getMessage() == null ? route : e.getMessage());
            default -> code.name().replace('_', ' ').toLowerCase() + ": " + route;
        };
        return respond(rc, code, message, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, RoutingContext rc) {
        if (e instanceof WebApplicationException w) return web(w, rc);
        if (e instanceof ApiException a) return api(a, rc);
        LOG.errorf(
                e,
                "Unexpected failure serving %s %s (request %s)",
                rc.request().method(),
                rc.normalizedPath(),
                Errors.requestId(rc));
        return respond(
                rc,
                ErrorCode.INTERNAL_ERROR,
                "Something went wrong inside Hearth; the log has the details under this request id",
                Map.of());
    }

    static Response respond(RoutingContext rc, ErrorCode code, String message, Map<String, Object> details) {
        Response.ResponseBuilder builder = Response.status(code.status());
        if (details.get("retry_after_seconds") instanceof Number seconds) {
            builder.header("Retry-After", seconds.longValue());
        }
        return builder.type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(code, message, details, Errors.requestId(rc)))
                .build();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "Malformed JSON: " + firstLine(e.getOriginalMessage());
        }
        String field = fieldPath(e);
        if (e instanceof UnrecognizedPropertyException u) {
            return "Unknown field '" + field + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return field + ": '" + f.getValue() + "' is not a valid "
                    + f.getTargetType().getSimpleName().toLowerCase();
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return (field.isEmpty() ? "" : field + ": ")
                    + firstLine(String.valueOf(v.getCause().getMessage()));
        }
        if (e instanceof MismatchedInputException m) {
            return (field.isEmpty() ? "Request body" : field) + ": wrong type or missing value"
                    + (m.getTargetType() == null
                            ? ""
                            : " (expected " + m.getTargetType().getSimpleName().toLowerCase() + ")");
        }
        return "Invalid JSON: " + firstLine(e.getOriginalMessage());
    }

    private static Map<String, Object> fieldOf(JsonProcessingException e) {
        String field = fieldPath(e);
        Map<String, Object> details = new LinkedHashMap<>();
        if (!field.isEmpty()) details.put("field", field);
        return details;
    }

    private static String fieldPath(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) return "";
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) b.append('.');
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
